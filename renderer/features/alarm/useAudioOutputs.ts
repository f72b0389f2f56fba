// Counts the machine's audio outputs at start, every minute, and whenever a device comes or goes:
// an unplugged speaker is itself an alarm condition the room must see.
import { useEffect } from 'react';
import { countAudioOutputs } from './audio-outputs';
import type { WindowActions } from '../../window-state/window-state';

export const AUDIO_OUTPUT_CHECK_MS = 60_000;

export function useAudioOutputs(actions: WindowActions): void {
  useEffect(() => {
    let live = true;
    const check = () => void countAudioOutputs().then((n) => live && actions.alarm.setAudioOutputs(n));
    check();
    const timer = setInterval(check, AUDIO_OUTPUT_CHECK_MS);
    const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
    devices?.addEventListener?.('devicechange', check);
    return () => {
      live = false;
      clearInterval(timer);
      devices?.removeEventListener?.('devicechange', check);
    };
  }, [actions]);
}
