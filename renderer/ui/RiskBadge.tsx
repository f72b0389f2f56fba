import { useTranslation } from 'react-i18next';
import type { Risk } from '../../shared/domain';

// A shape per risk, so risk never rests on colour alone (colour-blind operators, grey rows).
const SHAPES: Record<Risk, string> = {
  imminent: 'M8 1 L15 14 L1 14 Z',
  high: 'M8 1 L15 8 L8 15 L1 8 Z',
  elevated: 'M8 3 A5 5 0 1 1 7.99 3 Z',
};

export function RiskBadge({ risk }: { risk: Risk }) {
  const { t } = useTranslation();
  return (
    <span className={`risk risk--${risk}`}>
      <svg className="risk-shape" viewBox="0 0 16 16" width="18" height="18" aria-hidden="true">
        <path d={SHAPES[risk]} />
      </svg>
      <span className="risk-word">{t(`risk.${risk}`)}</span>
    </span>
  );
}
