// The desk locks itself after idleMs without a key, click, touch or pointer move: a screen left
// open at 3 a.m. shows nothing of a child's case to whoever walks past. Alarms keep sounding.
// Main enforces the same lock on its own (core/accounts/sessions.ts): it cannot see the keyboard,
// so the page tells it of real input (onActivity, throttled). The page's own timer only makes the
// lock screen appear without waiting for main; a page that never locks is locked by main anyway.
import { useEffect, useRef } from 'react';
import { IDLE_MIRROR } from '../../../shared/accounts';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
// Input is reported to main at most this often; the last input of a burst always is (a trailing
// report), so main never counts the desk idle from earlier than the page does.
const ACTIVITY_REPORT_MS = IDLE_MIRROR.reportEveryMs;

export function useIdleLock(
  enabled: boolean,
  idleMs: number,
  onIdle: () => void,
  onActivity: () => void = () => {},
): void {
  // Only activity restarts the timer, never a re-render of the desk.
  const latest = useRef({ onIdle, onActivity });
  useEffect(() => {
    latest.current = { onIdle, onActivity };
  }, [onIdle, onActivity]);
  useEffect(() => {
    if (!enabled) return;
    const fire = () => latest.current.onIdle();
    let timer = setTimeout(fire, idleMs);
    let lastReport = -Infinity;
    let trailing: ReturnType<typeof setTimeout> | null = null;
    const report = () => {
      lastReport = Date.now();
      latest.current.onActivity();
    };
    const active = () => {
      clearTimeout(timer);
      timer = setTimeout(fire, idleMs);
      const since = Date.now() - lastReport;
      if (since >= ACTIVITY_REPORT_MS) report();
      else
        trailing ??= setTimeout(() => {
          trailing = null;
          report();
        }, ACTIVITY_REPORT_MS - since);
    };
    for (const kind of ACTIVITY) window.addEventListener(kind, active, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      if (trailing) clearTimeout(trailing);
      for (const kind of ACTIVITY) window.removeEventListener(kind, active, { capture: true });
    };
  }, [enabled, idleMs]);
}
