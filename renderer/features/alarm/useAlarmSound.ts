// Drives the AlarmPlayer from main's AlarmState.sound (played exactly as main decides it) and
// reports the player's status back to the window state.
import { useEffect, useMemo } from 'react';
import { soundNames } from './alarm-patterns';
import type { AlarmPlayer } from './alarm-player';
import { selectAlarm, selectNoDesk } from '../../window-state/alarm/selectors';
import { useWindowState } from '../../window-state/use-window-state';
import { selectLinkLostSinceMs } from '../../window-state/feed/selectors';
import type { WindowActions } from '../../window-state/window-state';
import { useNow } from '../../ui/useNow';

/**
 * A window cut off from main hears nothing main would sound, so it sounds the feed tone itself
 * once its link is lost. The heartbeat (shared/room/heartbeat.ts) declares a silent link lost within
 * 4 s; one more second keeps a page reload from beeping and stays inside the room's 5 s promise.
 */
export const LINK_ALARM_AFTER_MS = 1000;

export function useAlarmSound(player: AlarmPlayer, actions: WindowActions): void {
  const sound = useWindowState((s) => selectAlarm(s).sound);
  const lostSinceMs = useWindowState(selectLinkLostSinceMs);
  const now = useNow();
  const linkAlarm = lostSinceMs !== null && now - lostSinceMs >= LINK_ALARM_AFTER_MS;
  // Nobody in the room receiving flags sounds the feed tone too: a wall must not stay quiet then.
  const noDesk = useWindowState(selectNoDesk);
  const names = useMemo(
    () => soundNames(linkAlarm || noDesk ? { ...sound, feed: true } : sound),
    [sound, linkAlarm, noDesk],
  );

  useEffect(
    () => player.onChange((status) => actions.alarm.setPlayer(status.context, status.sounding)),
    [player, actions],
  );

  useEffect(() => player.update(names), [player, names]);

  useEffect(() => {
    // A browser keeps audio suspended until a user gesture: any click or key on the window
    // unlocks it, so the alarm is never left blocked just because nobody found the button.
    const unlock = () => void player.resume();
    window.addEventListener('pointerdown', unlock, true);
    window.addEventListener('keydown', unlock, true);
    return () => {
      window.removeEventListener('pointerdown', unlock, true);
      window.removeEventListener('keydown', unlock, true);
    };
  }, [player]);
}
