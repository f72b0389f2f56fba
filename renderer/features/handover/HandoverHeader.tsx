import type { HandoverSummary } from '../../../shared/handover';
import type { DocText } from './doc-text';

interface Props {
  summary: HandoverSummary;
  signed: boolean;
  training: boolean;
  text: DocText;
}

const shiftKey = (shiftId: string) => shiftId.slice(shiftId.indexOf(':') + 1);

/** Marking, title and which shift: what a reader must see before any figure. */
export function HandoverHeader({ summary, signed, training, text }: Props) {
  const { tx } = text;
  const key = shiftKey(summary.shiftId);
  return (
    <header className="doc-header">
      <div className="doc-marks">
        <strong className="doc-confidential" data-testid="handover-confidential">
          {tx('handover.doc.confidential')}
        </strong>
        {training && (
          <strong className="doc-training" data-testid="handover-training">
            {tx('handover.doc.training')}
          </strong>
        )}
      </div>
      <h1>{tx('handover.doc.title')}</h1>
      <dl className="doc-meta">
        <div>
          <dt>{tx('handover.doc.shift')}</dt>
          <dd data-testid="handover-shift">
            {tx(`shift.name.${key}`, { defaultValue: key })}{' '}
            <span className="doc-id">({summary.shiftId})</span>
          </dd>
        </div>
        <div>
          <dt>{tx('handover.doc.period')}</dt>
          <dd data-testid="handover-period">{text.period(summary.startMs, summary.endMs)}</dd>
        </div>
        <div>
          <dt>{tx('handover.doc.generatedAt')}</dt>
          <dd>{text.time(summary.generatedAtMs)}</dd>
        </div>
      </dl>
      <p className={`doc-status doc-status--${signed ? 'signed' : 'draft'}`} data-testid="handover-status">
        {tx(signed ? 'handover.doc.signed' : 'handover.doc.draft')}
      </p>
    </header>
  );
}
