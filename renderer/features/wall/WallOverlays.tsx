import { useTranslation } from 'react-i18next';
import { formatElapsed } from '../../ui/format/elapsed';

/** Across the whole wall while training: invented people must never be taken for real ones. */
export function TrainingWatermark({ training }: { training: boolean }) {
  const { t } = useTranslation();
  if (!training) return null;
  return (
    // The word drawn by CSS from data-text: a faint decoration, not text a checker reads for contrast
    // (the TRAINING banner above says it in full contrast).
    <div
      className="wall-watermark"
      data-testid="wall-training"
      data-text={t('wall.training')}
      aria-hidden="true"
    />
  );
}

/** Nothing from main for too long: say so louder than anything else on the wall. */
export function StaleBanner({ stale, ageMs }: { stale: boolean; ageMs: number }) {
  const { t } = useTranslation();
  if (!stale) return null;
  return (
    <div className="banner wall-stale sev--alarm" role="alert" data-testid="wall-stale">
      {t('wall.stale', { age: formatElapsed(t, ageMs) })}
    </div>
  );
}
