import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../shared/domain';
import type { QueueCounts } from '../state/queue/selectors';
import type { Language } from '../state/session/initial-state';
import { QueueRow, rowElementId } from './QueueRow';

export const QUEUE_LIST_ID = 'queue-list';
const ROW_HEIGHT = 84;

interface Props {
  items: readonly QueueItem[];
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
}

export function QueueList({
  items,
  counts,
  escalated,
  selectedId,
  nowMs,
  language,
  onSelect,
  onMove,
  onOpen,
  onAcknowledge,
}: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser is mutable by design; nothing here is compiler-memoised
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => items[index]!.id,
  });
  const selectedIndex = items.findIndex((i) => i.id === selectedId);

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
    if (move !== undefined) onMove(move);
    else if (event.key === 'Enter' && selectedId) onOpen(selectedId);
    else if (
      (event.key === 'a' || event.key === 'A') &&
      selectedId &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey
    )
      onAcknowledge(selectedId);
    else return;
    event.preventDefault();
  }

  return (
    <section className="queue" aria-labelledby="queue-title">
      <div className="queue-head">
        <h2 id="queue-title">{t('queue.title')}</h2>
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
        aria-activedescendant={selectedId && selectedIndex >= 0 ? rowElementId(selectedId) : undefined}
        onKeyDown={onKeyDown}
        data-testid="queue-list"
      >
        {items.length === 0 && <p className="queue-empty">{t('queue.empty')}</p>}
        <div className="queue-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const item = items[row.index]!;
            return (
              <QueueRow
                key={row.key}
                item={item}
                selected={item.id === selectedId}
                escalated={escalated.has(item.id)}
                nowMs={nowMs}
                language={language}
                style={{ transform: `translateY(${row.start}px)`, height: row.size }}
                onSelect={onSelect}
                onOpen={onOpen}
              />
            );
          })}
        </div>
      </div>
      <p className="queue-keys">{t('queue.keys')}</p>
    </section>
  );
}
