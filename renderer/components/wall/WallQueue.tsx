import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../shared/domain';
import { useFitRows } from '../../hooks/useFitRows';
import type { Language } from '../../state/session/initial-state';
import { WallRow } from './WallRow';

interface Props {
  items: readonly QueueItem[];
  escalated: ReadonlySet<string>;
  nowMs: number;
  language: Language;
  /** False while the feed is lost: an empty queue then means "nothing known", not "nothing open". */
  live: boolean;
}

/** As many rows as fit, most urgent first, then "+N more": a wall never scrolls. */
export function WallQueue({ items, escalated, nowMs, language, live }: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const { shown, more } = useFitRows(box, items.length, language);
  return (
    <div className="wall-queue" ref={box}>
      {items.length === 0 && (
        <p className="wall-empty" data-testid="wall-empty">
          {t(live ? 'wall.empty' : 'feedLoss.emptyNotLive')}
        </p>
      )}
      <ol className="wall-rows">
        {items.slice(0, shown).map((item) => (
          <WallRow
            key={item.id}
            item={item}
            escalated={escalated.has(item.id)}
            nowMs={nowMs}
            language={language}
          />
        ))}
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
