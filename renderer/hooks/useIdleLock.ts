// The desk locks itself after idleMs without a key, click, touch or pointer move: a screen left
// open at 3 a.m. shows nothing of a child's case to whoever walks past. Alarms keep sounding.
import { useEffect, useRef } from 'react';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function useIdleLock(enabled: boolean, idleMs: number, onIdle: () => void): void {
  // Only activity restarts the timer, never a re-render of the desk.
  const latest = useRef(onIdle);
  useEffect(() => {
    latest.current = onIdle;
  }, [onIdle]);
  useEffect(() => {
    if (!enabled) return;
    const fire = () => latest.current();
    let timer = setTimeout(fire, idleMs);
    const active = () => {
      clearTimeout(timer);
      timer = setTimeout(fire, idleMs);
    };
    for (const kind of ACTIVITY) window.addEventListener(kind, active, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const kind of ACTIVITY) window.removeEventListener(kind, active, { capture: true });
    };
  }, [enabled, idleMs]);
}
