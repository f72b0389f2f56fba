// What a flag waits for next, as the handover sheet carries it over and the desk's case steps show
// it: one rule for every engine and view.
import type { FlagState } from './domain';

export type NextStep = 'acknowledge' | 'dispatch' | 'confirm' | 'close';

export function nextStep(state: FlagState, confirmedAtMs: number | null): NextStep {
  if (state === 'new') return 'acknowledge';
  if (state === 'acknowledged') return 'dispatch';
  return state === 'dispatched' && confirmedAtMs === null ? 'confirm' : 'close';
}
