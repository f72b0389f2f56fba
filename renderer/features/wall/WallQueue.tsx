import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueGroups } from '../../window-state/queue/groups';
import { useFitRows } from './useFitRows';
import type { Language } from '../../window-state/session/initial-state';
import { WallRow } from './WallRow';

interface Props {
  groups: QueueGroups;
  escalated: ReadonlySet<string>;
  nowMs: number;
  language: Language;
  /** False while the feed is lost: an empty queue then means "nothing known", not "nothing open". */
  live: boolean;
}

type Entry = { kind: 'group'; group: 'needs' | 'worked'; count: number } | { kind: 'row'; id: string };

/**
 * As many lines as fit, then "+N more": a wall never scrolls. What needs someone comes first under
 * its own heading, so the top line is never a flag already in hand. A heading is one line tall, so
 * the fit counts it like a row.
 */
export function WallQueue({ groups, escalated, nowMs, language, live }: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const entries: Entry[] = [{ kind: 'group', group: 'needs', count: groups.needs.length }];
  for (const item of groups.needs) entries.push({ kind: 'row', id: item.id });
  if (groups.worked.length > 0) entries.push({ kind: 'group', group: 'worked', count: groups.worked.length });
  for (const item of groups.worked) entries.push({ kind: 'row', id: item.id });
  const empty = groups.order.length === 0;
  const { shown } = useFitRows(box, empty ? 0 : entries.length, language);
  const byId = new Map(groups.order.map((item) => [item.id, item]));
  const visible = entries.slice(0, shown);
  const more = groups.order.length - visible.filter((e) => e.kind === 'row').length;
  return (
    <div className="wall-queue" ref={box}>
      {empty && (
        <p className="wall-empty" data-testid="wall-empty">
          {t(live ? 'wall.empty' : 'feedLoss.emptyNotLive')}
        </p>
      )}
      <ol className="wall-rows">
        {!empty &&
          visible.map((entry) =>
            entry.kind === 'group' ? (
              <li
                key={`group-${entry.group}`}
                className={`wall-group wall-group--${entry.group}`}
                data-fit="row"
                data-testid={`wall-group-${entry.group}`}
                data-count={entry.count}
              >
                <span>
                  {entry.group === 'needs' && entry.count === 0
                    ? t('queueGroups.wallNeedsNone')
                    : t(`queueGroups.${entry.group}`, { count: entry.count })}
                </span>
              </li>
            ) : (
              <WallRow
                key={entry.id}
                item={byId.get(entry.id)!}
                escalated={escalated.has(entry.id)}
                nowMs={nowMs}
                language={language}
              />
            ),
          )}
      </ol>
      {/* Always rendered so its height can be measured; hidden while everything fits. */}
      <p
        className={`wall-more${more > 0 ? '' : ' wall-more--hidden'}`}
        data-fit="more"
        data-testid="wall-more"
        aria-hidden={more === 0}
      >
        {t('wall.more', { count: more })}
      </p>
    </div>
  );
}
