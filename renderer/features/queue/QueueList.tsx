import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../shared/domain';
import type { QueueGroups } from '../../window-state/queue/groups';
import type { QueueCounts } from '../../window-state/queue/selectors';
import type { Language } from '../../window-state/session/initial-state';
import { QueueRow, rowElementId } from './QueueRow';

export const QUEUE_LIST_ID = 'queue-list';
/** One dense line per flag: about 12 visible at 1600×1000 beside the map (they were 84 px, 4 visible). */
const ROW_HEIGHT = 44;
const GROUP_HEIGHT = 30;

type Entry = { kind: 'group'; group: 'needs' | 'worked'; count: number } | { kind: 'row'; item: QueueItem };

/** The list as drawn: each group's heading, then its flags ("being worked" only when it has any). */
function entriesOf(groups: QueueGroups): Entry[] {
  const entries: Entry[] = [{ kind: 'group', group: 'needs', count: groups.needs.length }];
  for (const item of groups.needs) entries.push({ kind: 'row', item });
  if (groups.worked.length > 0) entries.push({ kind: 'group', group: 'worked', count: groups.worked.length });
  for (const item of groups.worked) entries.push({ kind: 'row', item });
  return entries;
}

interface Props {
  /** What needs someone, apart from what is being worked (shared/queue-order.ts). */
  groups: QueueGroups;
  counts: QueueCounts;
  escalated: ReadonlySet<string>;
  selectedId: string | null;
  nowMs: number;
  language: Language;
  onSelect(id: string): void;
  /** Moves the selection by rows (±1, ±10) or to an end (±Infinity). */
  onMove(delta: number): void;
  onOpen(id: string): void;
  onAcknowledge(id: string): void;
  /** N: the next flag that needs someone after the selection (wrapping to the first). */
  onNextWaiting(): void;
  /** D: to the dispatch form of the selected flag. */
  onDispatch(id: string): void;
  /** What the last key did not do, and why ("LC-… is already acknowledged"); null when it did. */
  keyNotice: string | null;
  /** False while the feed or this console's store is lost (shared/feed-loss.ts): the list may be stale. */
  live: boolean;
}

export function QueueList({
  groups,
  counts,
  escalated,
  selectedId,
  nowMs,
  language,
  onSelect,
  onMove,
  onOpen,
  onAcknowledge,
  onNextWaiting,
  onDispatch,
  keyNotice,
  live,
}: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const entries = useMemo(() => entriesOf(groups), [groups]);
  const empty = groups.order.length === 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser is mutable by design; nothing here is compiler-memoised
  const virtualizer = useVirtualizer({
    count: empty ? 0 : entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (entries[index]!.kind === 'group' ? GROUP_HEIGHT : ROW_HEIGHT),
    overscan: 6,
    getItemKey: (index) => {
      const entry = entries[index]!;
      return entry.kind === 'group' ? `group-${entry.group}` : entry.item.id;
    },
  });
  const selectedIndex = entries.findIndex((e) => e.kind === 'row' && e.item.id === selectedId);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: 10,
      PageUp: -10,
      Home: -Infinity,
      End: Infinity,
    };
    const move = moves[event.key];
    const letter = event.ctrlKey || event.metaKey || event.altKey ? '' : event.key.toLowerCase();
    if (move !== undefined) onMove(move);
    else if (event.key === 'Enter' && selectedId) onOpen(selectedId);
    else if (letter === 'n') onNextWaiting();
    else if (letter === 'a' && selectedId) onAcknowledge(selectedId);
    else if (letter === 'd' && selectedId) onDispatch(selectedId);
    else return;
    event.preventDefault();
  }

  return (
    <section className="queue" aria-labelledby="queue-title" data-live={live ? 'true' : 'false'}>
      <div className="queue-head">
        <h2 id="queue-title">{t('queue.title')}</h2>
        {!live && (
          // A queue from a lost feed or a lost store must never look like a quiet, current one.
          <span className="wall-counter-not-live" data-testid="queue-not-live">
            {t('feedLoss.notLive')}
          </span>
        )}
        <span className="queue-count" data-testid="queue-open-count">
          {t('queue.open', { count: counts.open })}
        </span>
        <span
          className={`queue-count${counts.unacknowledged > 0 ? ' sev--alarm' : ''}`}
          data-testid="queue-unack-count"
        >
          {t('queue.unacknowledged', { count: counts.unacknowledged })}
        </span>
      </div>
      <div
        id={QUEUE_LIST_ID}
        ref={scrollRef}
        className="queue-list"
        role="listbox"
        tabIndex={0}
        aria-label={t('queue.listLabel')}
        aria-describedby="queue-keys"
        aria-activedescendant={selectedId && selectedIndex >= 0 ? rowElementId(selectedId) : undefined}
        onKeyDown={onKeyDown}
        data-testid="queue-list"
      >
        {empty && <p className="queue-empty">{t(live ? 'queue.empty' : 'feedLoss.emptyNotLive')}</p>}
        <div className="queue-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const entry = entries[row.index]!;
            const style = { transform: `translateY(${row.start}px)`, height: row.size };
            if (entry.kind === 'group')
              // A heading for the eye; the listbox's options carry the flags (the counts are in the head).
              return (
                <div
                  key={row.key}
                  className={`queue-group queue-group--${entry.group}`}
                  style={style}
                  aria-hidden="true"
                  data-testid={`queue-group-${entry.group}`}
                  data-count={entry.count}
                >
                  {t(`queueGroups.${entry.group}`, { count: entry.count })}
                </div>
              );
            const item = entry.item;
            return (
              <QueueRow
                key={row.key}
                item={item}
                selected={item.id === selectedId}
                escalated={escalated.has(item.id)}
                nowMs={nowMs}
                language={language}
                style={style}
                onSelect={onSelect}
                onOpen={onOpen}
              />
            );
          })}
        </div>
      </div>
      <p className="queue-keys" id="queue-keys">
        {t('queue.keys')}
      </p>
      {/* Said, not only ignored: a key that does nothing tells the operator why. */}
      <p className="queue-key-notice" role="status" data-testid="queue-key-notice">
        {keyNotice}
      </p>
    </section>
  );
}
