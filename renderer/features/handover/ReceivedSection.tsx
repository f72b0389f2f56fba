import type { HandoverSummary } from '../../../shared/handover';
import type { DocText } from './doc-text';
import { halves, outcomeLabel, outcomeRows, riskRows } from './summary-rows';
import { DocSection, DocTable, Figure } from './DocParts';

interface Props {
  summary: HandoverSummary;
  text: DocText;
}

/** What came in during the shift and what the room did with it. */
export function ReceivedSection({ summary, text }: Props) {
  const { tx, tv } = text;
  const d = (key: string) => tx(`handover.doc.${key}`);
  const v = (key: string) => tv(`handover.doc.${key}`);
  const outcome = (o: string) => {
    const { key, values } = outcomeLabel(o);
    return tx(key, values);
  };
  const districts = summary.received.byDistrict.map((row) => ({
    key: row.districtKey ?? '(unknown)',
    className: row.districtKey ? undefined : 'doc-unknown',
    cells: [text.district(row.districtKey), row.count],
  }));
  return (
    <>
      <div className="doc-columns">
        <DocSection title={d('received')} testId="handover-received">
          <div className="doc-figures">
            <Figure label={d('total')} value={summary.received.total} testId="handover-received-total" />
          </div>
          <DocTable
            columns={[v('risk'), v('count')]}
            numeric={[1]}
            empty={v('none')}
            testId="handover-by-risk"
            rows={riskRows(summary).map((r) => ({ key: r.risk, cells: [tv(`risk.${r.risk}`), r.count] }))}
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
        <div className="doc-columns doc-columns--tables" data-testid="handover-by-district">
          {halves(districts)
            .filter((half, i) => i === 0 || half.length > 0)
            .map((half, i) => (
              <DocTable
                key={i}
                columns={[v('district'), v('count')]}
                numeric={[1]}
                empty={v('none')}
                rows={half}
              />
            ))}
        </div>
      </DocSection>
    </>
  );
}
