// The welfare check-in due on a closed flag: the desk records how the student is, and the flag
// leaves the queue until the next check-in falls due. Main checks the check-in is the one due.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_OUTCOMES, followUpLabel, type FollowUpOutcome } from '../../../shared/follow-ups';
import type { QueueItem } from '../../../shared/domain';

interface Props {
  followUp: NonNullable<QueueItem['followUp']>;
  operatorValid: boolean;
  pending: boolean;
  onRecord(sequence: number, outcome: FollowUpOutcome, note: string): void;
}

export function FollowUpForm({ followUp, operatorValid, pending, onRecord }: Props) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<FollowUpOutcome>(FOLLOW_UP_OUTCOMES[0]);
  const [note, setNote] = useState('');
  return (
    <form
      className="case-form"
      data-testid="follow-up-form"
      data-sequence={followUp.sequence}
      onSubmit={(e) => {
        e.preventDefault();
        onRecord(followUp.sequence, outcome, note);
      }}
    >
      <h3>{t('followUp.title', { after: followUpLabel(followUp.afterMs) })}</h3>
      <label>
        <span>{t('followUp.outcome')}</span>
        <select
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as FollowUpOutcome)}
          data-testid="follow-up-outcome"
        >
          {FOLLOW_UP_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`followUp.outcomes.${o}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('followUp.note')}</span>
        <input
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
          data-testid="follow-up-note"
        />
      </label>
      <button type="submit" disabled={pending || !operatorValid} data-testid="follow-up-send">
        {t('followUp.record')}
      </button>
    </form>
  );
}
