import type { HandoverSummary } from '../../../shared/handover';
import type { DocText } from './doc-text';
import { DocSection, DocTable } from './DocParts';

/** When the room could not trust the feed, and when someone chose not to hear the alarm. */
export function FeedAndSilences({ summary, text }: { summary: HandoverSummary; text: DocText }) {
  const { tx, tv } = text;
  const d = (key: string) => tv(`handover.doc.${key}`);
  return (
    <>
      <DocSection title={`${tx('handover.doc.outages')} (${summary.feedOutages.length})`}>
        <DocTable
          testId="handover-outages"
          empty={d('none')}
          columns={[d('start'), d('end'), d('state')]}
          rows={summary.feedOutages.map((o, i) => ({
            key: `${o.startMs}-${i}`,
            cells: [
              text.time(o.startMs),
              o.endMs === null ? d('ongoing') : text.time(o.endMs),
              o.state ? tv(`feed.state.${o.state}`, { defaultValue: o.state }) : '—',
            ],
          }))}
        />
      </DocSection>
      <DocSection title={`${tx('handover.doc.silences')} (${summary.silences.length})`}>
        <DocTable
          testId="handover-silences"
          empty={d('none')}
          numeric={[3]}
          columns={[d('time'), d('by'), d('reason'), d('minutes')]}
          rows={summary.silences.map((s, i) => ({
            key: `${s.atMs}-${i}`,
            cells: [text.time(s.atMs), s.by ?? '—', s.reason || '—', s.minutes],
          }))}
        />
      </DocSection>
    </>
  );
}
