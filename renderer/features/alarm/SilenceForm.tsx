import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SILENCE_MAX_MINUTES } from '../../../shared/contract';
import { isValidSilenceReason, parseMinutes, SILENCE_DEFAULT_MINUTES } from './silence-input';
const PICKS = ['feedOutage', 'drill', 'maintenance'] as const;

interface Props {
  operatorValid: boolean;
  pending: boolean;
  onSubmit(reason: string, minutes: number): void;
  onClose(): void;
}

/** Silencing is deliberate and logged: a reason, a time limit and a name, every time. */
export function SilenceForm({ operatorValid, pending, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [minutesText, setMinutesText] = useState(String(SILENCE_DEFAULT_MINUTES));
  const minutes = parseMinutes(minutesText);
  const reasonValid = isValidSilenceReason(reason);
  const canSubmit = reasonValid && minutes !== null && operatorValid && !pending;

  return (
    <form
      className="silence-form"
      aria-labelledby="silence-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (canSubmit) onSubmit(reason, minutes);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="silence-head">
        <h2 id="silence-title">{t('silence.title')}</h2>
        <div className="silence-picks" role="group" aria-label={t('silence.quick')}>
          {PICKS.map((pick) => (
            <button key={pick} type="button" onClick={() => setReason(t(`silence.picks.${pick}`))}>
              {t(`silence.picks.${pick}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="silence-fields">
        <label className="silence-reason">
          <span>{t('silence.reason')}</span>
          <input
            type="text"
            data-testid="silence-reason"
            value={reason}
            maxLength={200}
            autoComplete="off"
            autoFocus
            aria-invalid={reason !== '' && !reasonValid}
            aria-describedby="silence-reason-hint"
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <label className="silence-minutes">
          <span>{t('silence.minutes')}</span>
          <input
            type="number"
            data-testid="silence-minutes"
            min={1}
            max={SILENCE_MAX_MINUTES}
            step={1}
            value={minutesText}
            aria-invalid={minutes === null}
            onChange={(e) => setMinutesText(e.target.value)}
          />
        </label>
        <button type="submit" className="silence-submit" data-testid="silence-submit" disabled={!canSubmit}>
          {pending ? t('silence.pending') : t('silence.submit', { minutes: minutes ?? '–' })}
        </button>
        <button type="button" onClick={onClose}>
          {t('silence.close')}
        </button>
      </div>
      <p className="silence-notes">
        <small id="silence-reason-hint">{t('silence.reasonHint')}</small>
        {!operatorValid && <span className="silence-hint">{t('silence.needsOperator')}</span>}
      </p>
    </form>
  );
}
