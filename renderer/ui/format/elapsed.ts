/** Which time.* string to use for a duration, and its values ("3 m 05 s", "1 h 04 m", …). */
export function elapsedParts(ms: number): {
  key: 'seconds' | 'minutes' | 'hours' | 'days';
  values: Record<string, string>;
} {
  // A clock a little ahead of the host must not show "-1 s".
  const total = Math.max(0, Math.floor(ms / 1000));
  const s = total % 60;
  const m = Math.floor(total / 60) % 60;
  const h = Math.floor(total / 3600) % 24;
  const d = Math.floor(total / 86400);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return { key: 'days', values: { d: String(d), h: String(h) } };
  if (h > 0) return { key: 'hours', values: { h: String(h), m: pad(m) } };
  if (m > 0) return { key: 'minutes', values: { m: String(m), s: pad(s) } };
  return { key: 'seconds', values: { s: String(s) } };
}

/** The duration in words of the current language; `t` is i18next's. */
export function formatElapsed(
  t: (key: string, values: Record<string, string>) => string,
  ms: number,
): string {
  const { key, values } = elapsedParts(ms);
  return t(`time.${key}`, values);
}

/** A long duration to the minute ("42 min", "3 h 05 m"), for figures that are not ticking. */
export function formatMinutes(
  t: (key: string, values: Record<string, string>) => string,
  ms: number,
): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return minutes < 60 ? t('time.minutesOnly', { m: String(minutes) }) : formatElapsed(t, ms);
}
