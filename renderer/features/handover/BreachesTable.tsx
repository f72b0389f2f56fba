import type { HandoverSummary } from '../../../shared/handover';
import type { DocText } from './doc-text';
import { DocSection, DocTable } from './DocParts';

/** Stages that went past their target during the shift (or are still past it), most overdue first. */
export function BreachesTable({ summary, text }: { summary: HandoverSummary; text: DocText }) {
  const { tx, tv } = text;
  const d = (key: string) => tv(`handover.doc.${key}`);
  return (
    <DocSection
      title={
        (summary.breachesTotal ?? 0) > summary.breaches.length
          ? `${tx('handover.doc.breaches')} (${tx('handover.doc.breachesShown', { shown: summary.breaches.length, total: summary.breachesTotal })})`
          : `${tx('handover.doc.breaches')} (${summary.breaches.length})`
      }
    >
      <DocTable
        testId="handover-breaches"
        empty={d('none')}
        numeric={[3, 4]}
        columns={[d('caseNo'), d('risk'), d('stage'), d('elapsed'), d('target')]}
        rows={summary.breaches.map((b) => ({
          key: `${b.caseNo}-${b.stage}`,
          cells: [
            <span className="doc-case">{b.caseNo}</span>,
            tv(`risk.${b.risk}`),
            tv(`timers.stages.${b.stage}`),
            text.duration(b.elapsedMs),
            text.minutes(b.targetMs),
          ],
        }))}
      />
    </DocSection>
  );
}
