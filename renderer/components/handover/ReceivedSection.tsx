import type { HandoverSummary } from '../../../shared/handover';
import type { DocText } from '../../handover/doc-text';
import { outcomeRows, riskRows } from '../../handover/summary-rows';
import { DocSection, DocTable, Figure } from './DocParts';

interface Props {
  summary: HandoverSummary;
  text: DocText;
}

/** What came in during the shift and what the room did with it. */
export function ReceivedSection({ summary, text }: Props) {
  const { tx } = text;
  const d = (key: string) => tx(`handover.doc.${key}`);
  const outcome = (o: string) => tx(`handover.doc.outcomes.${o}`, { defaultValue: o });
  return (
    <>
      <div className="doc-columns">
        <DocSection title={d('received')} testId="handover-received">
          <div className="doc-figures">
            <Figure label={d('total')} value={summary.received.total} testId="handover-received-total" />
          </div>
          <DocTable
            columns={[d('risk'), d('count')]}
            numeric={[1]}
            empty={d('none')}
            testId="handover-by-risk"
            rows={riskRows(summary).map((r) => ({ key: r.risk, cells: [tx(`risk.${r.risk}`), r.count] }))}
          />
        </DocSection>
        <DocSection title={d('actions')} testId="handover-actions">
          <div className="doc-figures">
            <Figure label={d('acknowledged')} value={summary.acknowledged} testId="handover-acknowledged" />
            <Figure label={d('dispatched')} value={summary.dispatched} testId="handover-dispatched" />
            <Figure label={d('closed')} value={summary.closed.total} testId="handover-closed" />
            {outcomeRows(summary).map((o) => (
              <Figure key={o.outcome} sub label={outcome(o.outcome)} value={o.count} />
            ))}
            <Figure label={d('withdrawn')} value={summary.withdrawn} testId="handover-withdrawn" />
            <Figure label={d('quarantined')} value={summary.quarantined} testId="handover-quarantined" />
          </div>
        </DocSection>
      </div>
      <DocSection title={`${d('received')} — ${d('byDistrict')}`}>
        <DocTable
          columns={[d('district'), d('count')]}
          numeric={[1]}
          empty={d('none')}
          testId="handover-by-district"
          className="doc-table--districts"
          rows={summary.received.byDistrict.map((row) => ({
            key: row.districtKey ?? '(unknown)',
            className: row.districtKey ? undefined : 'doc-unknown',
            cells: [text.district(row.districtKey), row.count],
          }))}
        />
      </DocSection>
    </>
  );
}
