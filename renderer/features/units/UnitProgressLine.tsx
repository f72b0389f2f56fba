import { useTranslation } from 'react-i18next';
import type { UnitProgress } from '../../../shared/unit-actions';

/** The unit's steps as the command centre sees them, live: officers sent, contact made, outcome. */
export function UnitProgressLine({ progress }: { progress: UnitProgress }) {
  const { t } = useTranslation();
  const steps = [
    progress.officersSentAtMs !== null && t('unitDesk.officersSent'),
    progress.contactAtMs !== null && t('unitDesk.contactMade'),
    progress.outcome !== null &&
      t('unitDesk.outcomeRecorded', { outcome: t(`dispatch.outcomes.${progress.outcome}`) }),
  ].filter(Boolean);
  if (steps.length === 0) return null;
  return (
    <p className="case-sent" data-testid="case-unit-steps">
      {steps.join(' · ')}
    </p>
  );
}
