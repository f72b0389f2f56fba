import { useTranslation } from 'react-i18next';
import type { FeedHealth } from '../../../shared/domain';
import { feedLoss } from '../../../shared/feed-loss';
import { formatElapsed } from '../../ui/format/elapsed';
import { LOSS_ACTION_KEY, lossAction } from './feed-words';

interface Props {
  health: FeedHealth | null;
  nowMs: number;
  variant: 'desk' | 'wall';
}

/**
 * The loudest thing on every screen while the feed is lost: what happened, how old the data is, and
 * what the room must do now. Nothing else uses this size or this band (ISA-101: the most important
 * thing the most visible).
 */
export function FeedLossBanner({ health, nowMs, variant }: Props) {
  const { t } = useTranslation();
  const loss = feedLoss(health);
  if (!loss || !health) return null;
  const action = lossAction(loss, health);
  return (
    <div
      className={`feed-loss feed-loss--${variant}`}
      role="alert"
      data-testid="feed-loss"
      data-state={loss.state}
      data-action={action}
    >
      <p className="feed-loss-head">
        {/* Drawn, not a glyph: a wall PC without an emoji font showed an empty box here. */}
        <span className="feed-loss-icon" aria-hidden="true" />
        {t(`feedLoss.head.${loss.state}`)}
      </p>
      <p className="feed-loss-age" data-testid="feed-loss-age">
        {loss.lastGoodMs === null
          ? t('feedLoss.neverGood')
          : t('feedLoss.lastGood', { ago: formatElapsed(t, nowMs - loss.lastGoodMs) })}
      </p>
      <p className="feed-loss-do" data-testid="feed-loss-do">
        {t(LOSS_ACTION_KEY[action])}
      </p>
    </div>
  );
}
