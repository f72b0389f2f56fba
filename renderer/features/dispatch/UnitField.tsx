import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../shared/domain';
import { registryUnit } from '../registry/registry-in-force';
import type { Language } from '../../window-state/session/initial-state';
import { Field } from '../../ui/Fields';
import { candidateDistricts, RouteQuestion } from './RouteCandidates';

/** Who the flag goes to, and on what: main routed it (shared/routing/route.ts); this only says so. */
export function UnitField({ route, language }: { route: QueueItem['route']; language: Language }) {
  const { t } = useTranslation();
  const unit = registryUnit(route.unitKey);
  // A routed flag whose name is also a place elsewhere: the other districts, for a check.
  const others = route.candidates.filter((c) => c.districtKey !== route.districtKey);
  const how = [
    t(`routing.basis.${route.basis}`),
    route.confidence && t(`routing.confidence.${route.confidence}`),
  ]
    .filter(Boolean)
    .join(', ');
  const value = unit ? (
    <span className={`unit unit--${route.confidence ?? 'none'}`} data-unit-key={route.unitKey}>
      <strong data-testid="detail-unit-name">{unit[language]}</strong> <small>({how})</small>
      {others.length > 0 && (
        <small className="unit-also" data-testid="route-also">
          {' '}
          — {t('routing.alsoPossible', { districts: candidateDistricts(others, language, t('routing.or')) })}
        </small>
      )}
    </span>
  ) : (
    <span className="unit unit--supervisor" data-unit-key="">
      <strong data-testid="detail-unit-name">{t('routing.supervisorDecides')}</strong>{' '}
      <small>— {t(`routing.outcome.${route.outcome}`)}</small>
      <RouteQuestion candidates={route.candidates} language={language} />
    </span>
  );
  return <Field label={t('routing.unit')} value={value} testId="detail-unit" />;
}
