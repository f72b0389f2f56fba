// Need-to-know: by default the desk shows the case, its district and unit. Who the student is and
// what they posted appear only after the operator gives a reason; the reveal is recorded by main.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonalDetail } from '../../../shared/domain';
import { revealReasonSchema } from '../../../shared/need-to-know';
import type { Language } from '../../window-state/session/initial-state';
import { DetailSections } from './DetailSections';
import { zodFailureText } from '../../i18n/failure-text';

interface Props {
  personal: PersonalDetail | null;
  language: Language;
  operatorValid: boolean;
  pending: boolean;
  error: string | null;
  onReveal(reason: string): void;
  onHide(): void;
}

export function RevealPanel({ personal, language, operatorValid, pending, error, onReveal, onHide }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (personal)
    return (
      <section className="reveal reveal--shown" data-testid="reveal-shown">
        <p className="reveal-note">
          {t('reveal.shown')}{' '}
          <button type="button" onClick={onHide} data-testid="reveal-hide">
            {t('reveal.hide')}
          </button>
        </p>
        <DetailSections personal={personal} language={language} />
      </section>
    );
  return (
    <form
      className="reveal case-form"
      data-testid="reveal-form"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = revealReasonSchema.safeParse(reason);
        if (!parsed.success) return setProblem(zodFailureText(parsed.error));
        setProblem(null);
        onReveal(parsed.data);
      }}
    >
      <h3>{t('reveal.title')}</h3>
      <p className="reveal-note">{t('reveal.hidden')}</p>
      <label>
        <span>{t('reveal.reason')}</span>
        <input
          value={reason}
          maxLength={200}
          autoComplete="off"
          onChange={(e) => setReason(e.target.value)}
          data-testid="reveal-reason"
        />
      </label>
      <button type="submit" disabled={pending || !operatorValid} data-testid="reveal-send">
        {t('reveal.reveal')}
      </button>
      {(problem ?? error) && (
        <p className="case-error" role="alert" data-testid="reveal-problem">
          {problem ?? error}
        </p>
      )}
    </form>
  );
}
