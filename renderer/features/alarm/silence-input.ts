// What the silence form accepts: the same limits main applies (shared/contract), so the submit
// button is never enabled for a request main would refuse as invalid.
import { SILENCE_MAX_MINUTES, silenceReason } from '../../../shared/contract';

export const SILENCE_DEFAULT_MINUTES = 5;

export function parseMinutes(text: string): number | null {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= SILENCE_MAX_MINUTES ? n : null;
}

export const isValidSilenceReason = (reason: string): boolean => silenceReason.safeParse(reason).success;
