// The steps after acknowledgement, on the desk: dispatch to the routed unit (or another, with a
// reason), record the unit's confirmation, then the outcome and close. The forms check what they
// can with the same schemas main applies (shared/dispatch.ts); main has the last word.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitTag } from '../units/UnitTag';
import { UnitProgressLine } from '../units/UnitProgressLine';
import {
  CLOSE_REASON_MIN,
  closeNeedsReason,
  DISPATCH_MEANS,
  dispatchDetailsSchema,
  dispatchReasonMissing,
  OUTCOMES,
  OUTCOMES_WITHOUT_DISPATCH,
  type DispatchDetails,
  type DispatchMeans,
  type Outcome,
} from '../../../shared/dispatch';
import type { QueueItem } from '../../../shared/domain';
import { nextStep } from '../../../shared/next-step';
import type { FollowUpOutcome } from '../../../shared/follow-ups';
import { FollowUpForm } from './FollowUpForm';
import { registryUnit, useRegistryInForce } from '../registry/registry-in-force';
import type { Language } from '../../window-state/session/initial-state';
import { CandidatePicker } from './RouteCandidates';
import { zodFailureText } from '../../i18n/failure-text';

interface Props {
  item: QueueItem;
  language: Language;
  operatorValid: boolean;
  pending: boolean;
  error: string | null;
  onDispatch(details: DispatchDetails): void;
  onConfirm(confirmedBy: string): void;
  onClose(outcome: Outcome, note: string, reason: string): void;
  onFollowUp(sequence: number, outcome: FollowUpOutcome, note: string): void;
  /** Control-room numbers entered for the units (whom to call). */
  contacts: ReadonlyMap<string, string>;
}

function DispatchForm({ item, language, operatorValid, pending, onDispatch, contacts }: Props) {
  const { t } = useTranslation();
  const registry = useRegistryInForce();
  const routed = item.route.unitKey;
  const [unitKey, setUnitKey] = useState(routed ?? '');
  const [reason, setReason] = useState('');
  const [called, setCalled] = useState('');
  const [means, setMeans] = useState<DispatchMeans>('phone');
  const [reference, setReference] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // "Another unit" only once one is chosen: with no routed unit, nothing chosen asks for no reason yet.
  const other = unitKey !== '' && unitKey !== routed;
  const waitsFor =
    unitKey === '' ? t('words.chooseUnit') : called.trim().length < 2 ? t('words.whoCalled') : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const details = { unitKey, called, means, ...(reference.trim() ? { unitReference: reference } : {}) };
    const parsed = dispatchDetailsSchema.safeParse(other ? { ...details, reason } : details);
    if (!parsed.success) return setProblem(zodFailureText(parsed.error));
    if (dispatchReasonMissing(unitKey, routed, reason)) return setProblem(t('dispatch.reasonRequired'));
    setProblem(null);
    onDispatch(parsed.data);
  };
  return (
    <form className="case-form" onSubmit={submit} data-testid="dispatch-form">
      <h3>{t('dispatch.title')}</h3>
      {routed === null && (
        <CandidatePicker
          candidates={item.route.candidates}
          language={language}
          chosen={unitKey}
          onChoose={(key, why) => {
            setUnitKey(key);
            setReason(why);
          }}
        />
      )}
      <label>
        <span>{t('dispatch.unit')}</span>
        <select value={unitKey} onChange={(e) => setUnitKey(e.target.value)} data-testid="dispatch-unit">
          {routed === null && <option value="">—</option>}
          {/* Only active units receive flags (the core refuses the others); the routed one is always listed. */}
          {registry.units
            .filter((u) => u.active || u.id === routed)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u[language]} {u.id === routed ? t('dispatch.routed') : ''}
              </option>
            ))}
        </select>
      </label>
      <p className="unit-contact" data-testid="dispatch-contact">
        {contacts.get(unitKey) ? t('units.call', { contact: contacts.get(unitKey) }) : t('units.none')}
      </p>
      {other && (
        <label>
          <span>{t('dispatch.reason')}</span>
          <input
            value={reason}
            maxLength={200}
            onChange={(e) => setReason(e.target.value)}
            data-testid="dispatch-reason"
          />
        </label>
      )}
      <label>
        <span>{t('dispatch.called')}</span>
        <input
          value={called}
          maxLength={64}
          autoComplete="off"
          onChange={(e) => setCalled(e.target.value)}
          data-testid="dispatch-called"
        />
      </label>
      <label>
        <span>{t('dispatch.means')}</span>
        <select
          value={means}
          onChange={(e) => setMeans(e.target.value as DispatchMeans)}
          data-testid="dispatch-means"
        >
          {DISPATCH_MEANS.map((m) => (
            <option key={m} value={m}>
              {t(`dispatch.meansNames.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('dispatch.reference')}</span>
        <input
          value={reference}
          maxLength={40}
          onChange={(e) => setReference(e.target.value)}
          data-testid="dispatch-reference"
        />
      </label>
      <button
        type="submit"
        disabled={pending || !operatorValid || waitsFor !== null}
        data-testid="dispatch-send"
      >
        {pending ? t('dispatch.sending') : t('dispatch.send')}
      </button>
      {waitsFor && operatorValid && (
        <p className="case-hint" data-testid="dispatch-why">
          {waitsFor}
        </p>
      )}
      {problem && (
        <p className="case-error" role="alert" data-testid="dispatch-problem">
          {problem}
        </p>
      )}
    </form>
  );
}

function ConfirmForm({ operatorValid, pending, onConfirm }: Props) {
  const { t } = useTranslation();
  const [by, setBy] = useState('');
  return (
    <form
      className="case-form"
      data-testid="confirm-form"
      onSubmit={(e) => {
        e.preventDefault();
        onConfirm(by);
      }}
    >
      <h3>{t('dispatch.confirmTitle')}</h3>
      <label>
        <span>{t('dispatch.confirmedBy')}</span>
        <input
          value={by}
          maxLength={64}
          autoComplete="off"
          onChange={(e) => setBy(e.target.value)}
          data-testid="confirm-by"
        />
      </label>
      <button
        type="submit"
        disabled={pending || !operatorValid || by.trim().length < 2}
        data-testid="confirm-send"
      >
        {t('dispatch.confirm')}
      </button>
    </form>
  );
}

/**
 * No outcome is preselected: the operator names one. Closing an imminent or high flag that no unit
 * was sent to needs a written reason and a second, explicit confirmation (main refuses it without
 * the reason too); every close can be undone for a short time after (UndoCloseBar).
 */
function CloseForm({ item, operatorValid, pending, onClose }: Props) {
  const { t } = useTranslation();
  const choices = item.state === 'acknowledged' ? OUTCOMES_WITHOUT_DISPATCH : OUTCOMES;
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const needsReason = closeNeedsReason(item);
  const reasonShort = needsReason && reason.trim().length < CLOSE_REASON_MIN;
  const blocker = !operatorValid
    ? null
    : outcome === ''
      ? t('closeSafety.chooseFirst')
      : reasonShort
        ? t('closeSafety.reasonFirst', { min: CLOSE_REASON_MIN })
        : null;
  const send = () => outcome !== '' && onClose(outcome, note, needsReason ? reason : '');
  return (
    <form
      className="case-form"
      data-testid="close-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (blocker || outcome === '') return;
        if (needsReason) setConfirming(true);
        else send();
      }}
    >
      <h3>{t('dispatch.closeTitle')}</h3>
      <label>
        <span>{t('dispatch.outcome')}</span>
        <select
          value={outcome}
          required
          onChange={(e) => {
            setOutcome(e.target.value as Outcome | '');
            setConfirming(false);
          }}
          data-testid="close-outcome"
        >
          <option value="" disabled>
            {t('closeSafety.choose')}
          </option>
          {choices.map((o) => (
            <option key={o} value={o}>
              {t(`dispatch.outcomes.${o}`)}
            </option>
          ))}
        </select>
      </label>
      {needsReason && (
        <label>
          <span>{t('closeSafety.reason', { risk: t(`risk.${item.risk}`) })}</span>
          <input
            value={reason}
            maxLength={200}
            required
            onChange={(e) => {
              setReason(e.target.value);
              setConfirming(false);
            }}
            data-testid="close-reason"
          />
        </label>
      )}
      <label>
        <span>{t('dispatch.note')}</span>
        <input
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
          data-testid="close-note"
        />
      </label>
      {!confirming && (
        <button
          type="submit"
          disabled={pending || !operatorValid || blocker !== null}
          aria-describedby={blocker ? `close-why-${item.id}` : undefined}
          data-testid="close-send"
        >
          {t('dispatch.close')}
        </button>
      )}
      {blocker && !confirming && (
        <p className="case-hint" id={`close-why-${item.id}`} data-testid="close-why">
          {blocker}
        </p>
      )}
      {confirming && outcome !== '' && (
        <div
          className="close-confirm"
          role="alertdialog"
          aria-labelledby={`close-q-${item.id}`}
          data-testid="close-confirm"
        >
          <p id={`close-q-${item.id}`}>
            {t('closeSafety.confirm', {
              caseNo: item.caseNo,
              risk: t(`risk.${item.risk}`),
              outcome: t(`dispatch.outcomes.${outcome}`),
            })}
          </p>
          <div className="close-confirm-actions">
            <button
              type="button"
              className="danger"
              disabled={pending}
              onClick={send}
              autoFocus
              data-testid="close-confirm-yes"
            >
              {t('closeSafety.yes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)} data-testid="close-confirm-no">
              {t('closeSafety.no')}
            </button>
          </div>
        </div>
      )}
    </form>
  );
}

export function CaseSteps(props: Props) {
  const { t } = useTranslation();
  const { item, language, error } = props;
  if (item.state === 'closed' && item.followUp)
    return (
      <section className="case-steps" data-testid="case-steps" data-state={item.state}>
        <FollowUpForm
          key={`f-${item.id}-${item.followUp.sequence}`}
          followUp={item.followUp}
          operatorValid={props.operatorValid}
          pending={props.pending}
          onRecord={props.onFollowUp}
        />
        {error && (
          <p className="case-error" role="alert" data-testid="case-error">
            {error}
          </p>
        )}
      </section>
    );
  if (item.state === 'new' || item.state === 'closed') return null;
  const sentTo = item.dispatch ? registryUnit(item.dispatch.unitKey) : undefined;
  // The same rule as the handover sheet's "next step" (shared/next-step.ts).
  const step = nextStep(item.state, item.dispatch?.confirmedAtMs ?? null);
  return (
    <section className="case-steps" data-testid="case-steps" data-state={item.state}>
      {step === 'dispatch' && <DispatchForm key={item.id} {...props} />}
      {item.dispatch && (
        <p className="case-sent" data-testid="case-sent">
          {t('dispatch.sentTo', { unit: sentTo?.[language] ?? item.dispatch.unitKey })} —{' '}
          {item.dispatch.confirmedAtMs === null ? t('dispatch.waiting') : t('dispatch.confirmed')}{' '}
          <UnitTag item={item} language={language} />
        </p>
      )}
      {item.handBack && (
        <p className="case-sent" data-testid="case-handed-back">
          <UnitTag item={item} language={language} />
        </p>
      )}
      {item.dispatch?.progress && <UnitProgressLine progress={item.dispatch.progress} />}
      {step === 'confirm' && <ConfirmForm key={`c-${item.id}`} {...props} />}
      <CloseForm key={`x-${item.id}-${item.state}`} {...props} />
      {error && (
        <p className="case-error" role="alert" data-testid="case-error">
          {error}
        </p>
      )}
    </section>
  );
}
