// One flag at a district control room's desk: acknowledge receipt, then officers sent, contact
// made and the outcome; or hand it back with a reason. Only props; UnitDeskView talks to main.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOMES, type Outcome } from '../../../shared/dispatch';
import type { QueueItem } from '../../../shared/domain';
import type { UnitStep } from '../../../shared/unit-actions';
import type { Language } from '../../window-state/session/initial-state';
import { unitName } from './UnitTag';

export interface UnitFlagActions {
  onReceive(): void;
  onStep(step: UnitStep): void;
  onHandBack(reason: string): void;
}

export function UnitFlagPanel({
  item,
  language,
  busy,
  error,
  ...act
}: { item: QueueItem; language: Language; busy: boolean; error: string | null } & UnitFlagActions) {
  const { t } = useTranslation();
  const [officers, setOfficers] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('contacted');
  const [reason, setReason] = useState('');
  const dispatch = item.dispatch;
  if (!dispatch) return null;
  const progress = dispatch.progress;
  const received = dispatch.confirmedAtMs !== null;
  return (
    <section className="unit-panel" data-testid="unit-panel" data-flag-id={item.id}>
      <h2>
        {item.caseNo} — {t(`risk.${item.risk}`)}
      </h2>
      <p>{t('unitDesk.dispatchedTo', { unit: unitName(dispatch.unitKey, language) })}</p>
      {!received ? (
        <button
          type="button"
          className="unit-receive"
          data-testid="unit-receive"
          disabled={busy}
          onClick={act.onReceive}
        >
          {t('unitDesk.receive')}
        </button>
      ) : (
        <p data-testid="unit-received-line">
          {progress?.via === 'telephone'
            ? t('unitDesk.receivedByPhone', { name: progress?.receivedBy ?? '' })
            : t('unitDesk.receivedBy', { name: progress?.receivedBy ?? '' })}
        </p>
      )}
      {received && item.state === 'dispatched' && (
        <div className="unit-steps" data-testid="unit-steps">
          {progress?.officersSentAtMs ? (
            <p data-testid="unit-officers-done">{t('unitDesk.officersSent')}</p>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                act.onStep({ kind: 'officers_sent', officers });
              }}
            >
              <label>
                <span>{t('unitDesk.officers')}</span>
                <input
                  value={officers}
                  onChange={(e) => setOfficers(e.target.value)}
                  data-testid="unit-officers"
                />
              </label>
              <button type="submit" disabled={busy || officers.trim().length < 2}>
                {t('unitDesk.recordOfficers')}
              </button>
            </form>
          )}
          {progress?.contactAtMs ? (
            <p data-testid="unit-contact-done">{t('unitDesk.contactMade')}</p>
          ) : (
            <button
              type="button"
              data-testid="unit-contact-made"
              disabled={busy}
              onClick={() => act.onStep({ kind: 'contact_made' })}
            >
              {t('unitDesk.recordContact')}
            </button>
          )}
          {progress?.outcome ? (
            <p data-testid="unit-outcome-done">
              {t('unitDesk.outcomeRecorded', { outcome: t(`dispatch.outcomes.${progress.outcome}`) })}
            </p>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                act.onStep({ kind: 'outcome', outcome });
              }}
            >
              <label>
                <span>{t('unitDesk.outcome')}</span>
                <select
                  value={outcome}
                  onChange={(e) => setOutcome(e.target.value as Outcome)}
                  data-testid="unit-outcome"
                >
                  {OUTCOMES.map((o) => (
                    <option key={o} value={o}>
                      {t(`dispatch.outcomes.${o}`)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" disabled={busy}>
                {t('unitDesk.recordOutcome')}
              </button>
            </form>
          )}
        </div>
      )}
      {item.state === 'dispatched' && (
        <form
          className="unit-hand-back"
          onSubmit={(e) => {
            e.preventDefault();
            act.onHandBack(reason);
          }}
        >
          <h3>{t('unitDesk.handBackTitle')}</h3>
          <label>
            <span>{t('unitDesk.handBackReason')}</span>
            <textarea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              data-testid="unit-hand-back-reason"
            />
          </label>
          <button type="submit" disabled={busy || reason.trim().length < 10} data-testid="unit-hand-back">
            {t('unitDesk.handBack')}
          </button>
        </form>
      )}
      {error && (
        <p className="case-error" role="alert" data-testid="unit-error">
          {error}
        </p>
      )}
    </section>
  );
}
