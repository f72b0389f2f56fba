import { useTranslation } from 'react-i18next';
import { feedLoss } from '../../../shared/feed-loss';
import { actions, useWindowState } from '../../window-state/use-window-state';
import { selectFeedHealth } from '../../window-state/feed/selectors';
import { selectCounts } from '../../window-state/queue/selectors';
import { selectLanguage } from '../../window-state/session/selectors';
import { LanguageSwitch } from '../../ui/LanguageSwitch';

/**
 * Above the logon and lock screens: the language switch (a Hindi-speaking operator must be able to
 * log on in Hindi), and on the lock screen the room's state — how many flags wait and whether the
 * feed is live — so a locked desk still tells the room something is waiting. Counts and states
 * only: never a case number, a district or anything of a case.
 */
export function GateBar({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const language = useWindowState(selectLanguage);
  const unacknowledged = useWindowState((s) => selectCounts(s).unacknowledged);
  const health = useWindowState(selectFeedHealth);
  const lost = feedLoss(health);
  return (
    <div className="gate-bar">
      {locked && (
        <p className="lock-room" role="status" data-testid="lock-room">
          <span className={unacknowledged > 0 ? 'sev--alarm' : undefined} data-testid="lock-unack">
            {t('lockRoom.unack', { count: unacknowledged })}
          </span>
          <span
            className={lost ? 'sev--alarm' : undefined}
            data-testid="lock-feed"
            data-state={health?.state ?? 'unknown'}
          >
            {lost?.state === 'store_unreachable'
              ? // Not the feed: this console. Said as such, so the room moves to the other console.
                t('lockRoom.store')
              : t('lockRoom.feed', {
                  state: health ? t(`feed.state.${health.state}`) : t('feed.unknown'),
                })}
          </span>
        </p>
      )}
      <LanguageSwitch language={language} onChange={actions.session.setLanguage} />
    </div>
  );
}
