// What the page reports of itself to the core (shared/presence.ts), as pure functions of what the
// browser says, so a unit test pins the mapping.
import type { ClientAudio, ClientVisibility } from '../../../shared/presence';
import type { SoundStatus } from '../../window-state/alarm/initial-state';

/** The speakers as the room must count them: only 'on' is proof the alarm can be heard. */
export function clientAudioOf(sound: SoundStatus): ClientAudio {
  switch (sound) {
    case 'on':
      return 'ok';
    case 'no_output':
    case 'unavailable':
      return 'lost';
    case 'blocked':
      return 'blocked';
    default:
      return 'unknown';
  }
}

/** Page Lifecycle's 'frozen' wins over Page Visibility: a frozen page runs nothing at all. */
export function clientVisibilityOf(visibilityState: string, frozen: boolean): ClientVisibility {
  if (frozen) return 'frozen';
  return visibilityState === 'visible' ? 'visible' : 'hidden';
}

/** The desktop shell says its window is minimised or hidden: the page, still 'visible' to itself, is hidden. */
export function withShellWindow(page: ClientVisibility, windowShown: boolean): ClientVisibility {
  return windowShown || page === 'frozen' ? page : 'hidden';
}
