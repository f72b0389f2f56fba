// India Standard Time arithmetic. The room runs on IST whatever the machine's time zone, and IST
// has no daylight saving, so a fixed offset is exact.
export const IST_OFFSET_MS = 5.5 * 3600_000;
export const HOUR_MS = 3600_000;
export const HOURS_PER_WEEK = 168;

/** The IST calendar day of a moment, as yyyy-mm-dd (what a date input shows). */
export const istDate = (ms: number) => new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 10);

/** Hour of the week in IST, Monday 00:00–00:59 = 0 … Sunday 23:00–23:59 = 167. */
export function istHourOfWeek(ms: number): number {
  // The epoch (1970-01-01) was a Thursday: 72 hours after Monday 00:00.
  const hours = Math.floor((ms + IST_OFFSET_MS) / HOUR_MS);
  return (((hours + 72) % HOURS_PER_WEEK) + HOURS_PER_WEEK) % HOURS_PER_WEEK;
}
