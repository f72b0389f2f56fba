// The shift clock of this window, from the schedule main sent and the shared 1 s clock.
import { useMemo } from 'react';
import type { ShiftClock } from '../../shared/shifts/schedule';
import { shiftClockOrNull } from './format/shift-clock';
import { useWindowState } from '../window-state/use-window-state';
import { selectSchedule } from '../window-state/session/selectors';

export function useShiftClock(nowMs: number): ShiftClock | null {
  const schedule = useWindowState(selectSchedule);
  return useMemo(() => shiftClockOrNull(schedule, nowMs), [schedule, nowMs]);
}
