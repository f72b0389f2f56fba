/**
 * Exponential backoff with jitter: the n-th consecutive failure waits between half and all of
 * base·2^(n-1), capped. Jitter keeps several consoles from retrying a recovering feed in step.
 */
export function backoffDelayMs(
  failures: number,
  baseMs: number,
  capMs: number,
  random: () => number,
): number {
  const exponent = Math.max(0, Math.min(failures - 1, 20));
  const ceiling = Math.min(capMs, baseMs * 2 ** exponent);
  return Math.round(ceiling * (0.5 + 0.5 * random()));
}

/** Retry-After is delta-seconds or an HTTP date. Returns milliseconds, or null when absent/invalid. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isFinite(date) ? Math.max(0, date - nowMs) : null;
}
