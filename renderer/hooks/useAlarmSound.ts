// Drives the AlarmPlayer from the store's AlarmState and reports the speaker's status back.
import { useEffect } from 'react';
import type { AlarmPlayer } from '../alarm/alarm-player';
import { selectAlarm } from '../state/alarm/selectors';
import { useAppStore } from '../state/app-store';
import { selectLinkLostSinceMs } from '../state/feed/selectors';
import type { AppActions } from '../state/store';
import { useNow } from './useNow';

/**
 * A desk cut off from main hears nothing main would sound, so a link down for longer than a host
 * restart takes sounds the feed tone itself.
 */
const LINK_ALARM_AFTER_MS = 5000;

export function useAlarmSound(player: AlarmPlayer, actions: AppActions): void {
  const alarm = useAppStore(selectAlarm);
  const lostSinceMs = useAppStore(selectLinkLostSinceMs);
  const now = useNow();
  const linkAlarm = lostSinceMs !== null && now - lostSinceMs >= LINK_ALARM_AFTER_MS;

  useEffect(
    () => player.onChange((status) => actions.alarm.setSound(status.sound, status.sounding)),
    [player, actions],
  );

  useEffect(
    () => player.update(linkAlarm ? { ...alarm, feedAlarm: true } : alarm),
    [player, alarm, linkAlarm],
  );

  useEffect(() => {
    // A browser keeps audio suspended until a user gesture: any click or key on the desk unlocks it,
    // so the alarm is never left blocked just because nobody found the button.
    const unlock = () => void player.resume();
    window.addEventListener('pointerdown', unlock, true);
    window.addEventListener('keydown', unlock, true);
    return () => {
      window.removeEventListener('pointerdown', unlock, true);
      window.removeEventListener('keydown', unlock, true);
    };
  }, [player]);
}
