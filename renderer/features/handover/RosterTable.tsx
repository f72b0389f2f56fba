import type { HandoverSummary } from '../../../shared/handover';
import type { DocText } from './doc-text';
import { DocSection, DocTable } from './DocParts';

/** Who was on which desk, supervisor first: the names the room itself recorded for the shift. */
export function RosterTable({ summary, text }: { summary: HandoverSummary; text: DocText }) {
  const { tx, tv } = text;
  const d = (key: string) => tv(`handover.doc.${key}`);
  return (
    <DocSection title={`${tx('handover.doc.onDuty')} (${summary.roster.length})`}>
      <DocTable
        testId="handover-roster"
        empty={d('noRoster')}
        columns={[d('desk'), d('name'), d('role')]}
        rows={summary.roster.map((entry) => ({
          key: entry.desk,
          cells: [entry.desk, entry.operator, d(`roles.${entry.supervisor ? 'supervisor' : 'operator'}`)],
        }))}
      />
    </DocSection>
  );
}
