import { useTranslation } from 'react-i18next';

/** On every view while the session is a training one: nobody may mistake invented people for real ones. */
export function TrainingBanner({ training }: { training: boolean }) {
  const { t } = useTranslation();
  if (!training) return null;
  return (
    <div className="training-banner" role="status" data-testid="training-banner">
      {t('app.training')}
    </div>
  );
}
