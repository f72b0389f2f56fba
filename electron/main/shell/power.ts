// Keeps the machine awake for the console. At 3 a.m. nobody touches the wall PC: without a blocker
// the operating system blanks or sleeps the display after its idle timeout and the wall goes dark.
// A wall window holds 'prevent-display-sleep' while it is open; a desk holds
// 'prevent-app-suspension' (the system may turn the desk's screen off, but must not suspend the app
// that sounds the alarm). Each blocker is released when its window closes.
// What this cannot do: override a screen lock or a forced OS update reboot; the setup checklist in
// the docs covers those (docs/operations.md, "Wall PC and desk PC setup").
import type { PowerSaveBlocker } from 'electron';
import type { ViewRole } from '../../../shared/contract';

export type BlockerKind = Parameters<PowerSaveBlocker['start']>[0];

export const BLOCKER_OF: Readonly<Record<ViewRole, BlockerKind>> = {
  wall: 'prevent-display-sleep',
  desk: 'prevent-app-suspension',
};

/** Starts the role's blocker now and stops it when the window emits 'closed'; returns its id. */
export function holdPowerWhileOpen(
  window: { once(event: 'closed', listener: () => void): unknown },
  role: ViewRole,
  blocker: Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>,
): number {
  const id = blocker.start(BLOCKER_OF[role]);
  window.once('closed', () => {
    if (blocker.isStarted(id)) blocker.stop(id);
  });
  return id;
}
