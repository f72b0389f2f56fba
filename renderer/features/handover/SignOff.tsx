import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { receiveRefusal, type HandoverRecord } from '../../../shared/handover';
import { HANDOVER_WARNING_MS } from '../../../shared/shifts/schedule';
import { formatIstMinute } from '../../ui/format/ist';
import { useNow } from '../../ui/useNow';
import type { DocText } from './doc-text';
import type { Language } from '../../window-state/session/initial-state';
import { isValidOperatorName } from '../../window-state/session/selectors';
import { DocSection } from './DocParts';

interface Props {
  text: DocText;
  record: HandoverRecord | null;
  endMs: number;
  uiLanguage: Language;
  /** The logged-on supervisor: who signs or receives (main records the session's user, not a typed name). */
  userName: string;
  pending: 'sign' | 'receive' | 'roster' | null;
  /** No operator is on the shift's roster: signing would freeze a record of nobody on duty. */
  rosterEmpty: boolean;
  error: string | null;
  onSign(supervisor: string): void;
  onReceive(supervisor: string): void;
}

function NameForm(props: {
  title: string;
  label: string;
  submit: string;
  busy: string;
  pending: boolean;
  testId: string;
  buttonTestId: string;
  hint?: ReactNode;
  name: string;
  /** When given, the submit first asks this (with Yes/Go back) before anything is sent. */
  confirm?: { question: ReactNode; yes: string; no: string };
  onSubmit(name: string): void;
}) {
  const { t } = useTranslation();
  const { name, confirm } = props;
  const [asking, setAsking] = useState(false);
  const valid = isValidOperatorName(name);
  return (
    <form
      className="doc-form no-print"
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid || props.pending) return;
        if (confirm && !asking) setAsking(true);
        else props.onSubmit(name);
      }}
    >
      <h3>{props.title}</h3>
      <label>
        <span>{props.label}</span>
        <input type="text" value={name} readOnly data-testid={props.testId} />
      </label>
      {!asking && (
        <button type="submit" data-testid={props.buttonTestId} disabled={!valid || props.pending}>
          {props.pending ? props.busy : props.submit}
        </button>
      )}
      {asking && confirm && (
        <div
          className="sign-confirm"
          role="alertdialog"
          aria-label={props.title}
          data-testid={`${props.buttonTestId}-confirm`}
        >
          {confirm.question}
          <div className="close-confirm-actions">
            <button
              type="submit"
              className="danger"
              autoFocus
              disabled={props.pending}
              data-testid={`${props.buttonTestId}-yes`}
            >
              {props.pending ? props.busy : confirm.yes}
            </button>
            <button type="button" onClick={() => setAsking(false)} data-testid={`${props.buttonTestId}-no`}>
              {confirm.no}
            </button>
          </div>
        </div>
      )}
      {!valid && <small className="doc-hint">{t('signSafety.noUser')}</small>}
      {props.hint}
    </form>
  );
}

/** Until the signing window opens (30 min before the change), says when it will; main decides. */
function SignOpensHint({ opensAtMs, language }: { opensAtMs: number; language: Language }) {
  const { t } = useTranslation();
  const nowMs = useNow();
  if (nowMs >= opensAtMs) return null;
  return (
    <small className="doc-hint" data-testid="handover-sign-opens">
      {t('handover.ui.signOpensAt', { time: formatIstMinute(opensAtMs, language) })}
    </small>
  );
}

/** Who handed over and who took over, when, and the hash that shows the record is as signed. */
export function SignOff({
  text,
  record,
  endMs,
  uiLanguage,
  userName,
  pending,
  rosterEmpty,
  error,
  onSign,
  onReceive,
}: Props) {
  const { t } = useTranslation();
  const { tx } = text;
  const signed = record
    ? tx('handover.doc.signedBy', { name: record.signedBy, time: text.time(record.signedAtMs) })
    : tx('handover.doc.notSigned');
  const received =
    record?.receivedBy && record.receivedAtMs !== null
      ? tx('handover.doc.receivedBy', { name: record.receivedBy, time: text.time(record.receivedAtMs) })
      : tx('handover.doc.notReceived');
  return (
    <DocSection title={tx('handover.doc.signOff')} testId="handover-signoff">
      <div className="doc-sign-grid">
        <div className="doc-sign-box">
          <p data-testid="handover-signed-by" data-signed={record ? 'true' : 'false'}>
            {signed}
          </p>
          <p className="doc-signature">{tx('handover.doc.signature')}: </p>
        </div>
        <div className="doc-sign-box">
          <p data-testid="handover-received-by" data-received={record?.receivedBy ? 'true' : 'false'}>
            {received}
          </p>
          <p className="doc-signature">{tx('handover.doc.signature')}: </p>
        </div>
      </div>
      {record && (
        <p className="doc-sha" data-testid="handover-sha">
          {tx('handover.doc.sha')}: <code>{record.sha256}</code>
        </p>
      )}
      {record?.summary.auditAnchor && (
        <div className="doc-sha" data-testid="handover-audit-anchor">
          <p>
            {tx('handover.doc.auditAnchor', { seq: record.summary.auditAnchor.seq })}:{' '}
            <code>{record.summary.auditAnchor.hash}</code>
          </p>
          <p>
            {tx('handover.doc.auditAnchorKeep', {
              command: `lifeline verify --anchor ${record.summary.auditAnchor.hash}`,
            })}
          </p>
        </div>
      )}
      {error && (
        <p className="doc-error no-print" role="alert" data-testid="handover-error">
          {t('handover.ui.failed', { message: error })}
        </p>
      )}
      {!record && (
        <NameForm
          title={t('handover.ui.signTitle')}
          label={t('handover.ui.supervisor')}
          submit={t('handover.ui.sign')}
          busy={t('handover.ui.signing')}
          pending={pending === 'sign'}
          testId="handover-signer"
          name={userName}
          buttonTestId="handover-sign"
          hint={<SignOpensHint opensAtMs={endMs - HANDOVER_WARNING_MS} language={uiLanguage} />}
          confirm={{
            question: (
              <>
                <p>{t('signSafety.confirm', { name: userName })}</p>
                {rosterEmpty && (
                  <p className="sign-roster-empty" data-testid="handover-sign-roster-empty">
                    {t('signSafety.rosterEmpty')}
                  </p>
                )}
              </>
            ),
            yes: t('signSafety.yes'),
            no: t('signSafety.no'),
          }}
          onSubmit={onSign}
        />
      )}
      {/* The signer is never offered his own handover to receive: another supervisor logs on here. */}
      {record && !record.receivedBy && record.signedBy === userName && (
        <p className="doc-hint no-print" data-testid="handover-receive-other">
          {t('signSafety.receiveOther', { name: record.signedBy })}
        </p>
      )}
      {record && receiveRefusal(record, userName) === null && (
        <NameForm
          title={t('handover.ui.receiveTitle')}
          label={t('handover.ui.supervisor')}
          submit={t('handover.ui.receive')}
          busy={t('handover.ui.receiving')}
          pending={pending === 'receive'}
          testId="handover-receiver"
          name={userName}
          buttonTestId="handover-receive"
          onSubmit={onReceive}
        />
      )}
    </DocSection>
  );
}
