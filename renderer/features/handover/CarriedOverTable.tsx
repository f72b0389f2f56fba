import type { HandoverSummary } from '../../../shared/handover';
import type { DocText } from './doc-text';
import { carriedRows } from './summary-rows';
import { DocSection, DocTable } from './DocParts';

/** Flags still open at the change: what the incoming shift takes over, most urgent first. */
export function CarriedOverTable({ summary, text }: { summary: HandoverSummary; text: DocText }) {
  const { tx, tv } = text;
  const d = (key: string) => tv(`handover.doc.${key}`);
  return (
    <DocSection title={`${tx('handover.doc.carriedOver')} (${summary.carriedOver.length})`}>
      <DocTable
        testId="handover-carried-over"
        className="doc-table--carried"
        empty={d('none')}
        columns={[
          d('caseNo'),
          d('risk'),
          d('state'),
          d('district'),
          d('unit'),
          d('age'),
          d('ackBy'),
          d('nextAction'),
        ]}
        rows={carriedRows(summary).map((row) => ({
          key: row.id,
          testId: 'handover-carried-row',
          cells: [
            <span className="doc-case">{row.caseNo}</span>,
            tv(`risk.${row.risk}`),
            <>
              {tv(`state.${row.state}`)}
              {row.withdrawn && <em className="doc-withdrawn"> ({tx('handover.doc.withdrawnMark')})</em>}
            </>,
            <span className={row.districtKey ? undefined : 'doc-unknown'}>
              {text.district(row.districtKey)}
            </span>,
            text.unit(row.unitKey),
            text.duration(row.ageMs),
            row.acknowledgedBy ?? '—',
            tv(`handover.doc.nextActions.${row.nextAction}`),
          ],
        }))}
      />
    </DocSection>
  );
}
