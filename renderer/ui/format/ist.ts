import type { Language } from '../../window-state/session/initial-state';

// The room works in IST whatever the machine's zone is set to.
type Precision = 'second' | 'minute' | 'date' | 'clock';
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: Language, precision: Precision): Intl.DateTimeFormat {
  const key = `${language}:${precision}`;
  let f = formatters.get(key);
  if (!f) {
    const date = precision !== 'clock';
    const clock = precision !== 'date';
    f = new Intl.DateTimeFormat(language === 'hi' ? 'hi-IN' : 'en-IN', {
      timeZone: 'Asia/Kolkata',
      ...(date ? { day: '2-digit', month: 'short', year: 'numeric' } : {}),
      ...(clock ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
      ...(precision === 'second' ? { second: '2-digit' } : {}),
      numberingSystem: 'latn',
    });
    formatters.set(key, f);
  }
  return f;
}

export function formatIst(ms: number, language: Language): string {
  return `${formatter(language, 'second').format(ms)} IST`;
}

/** To the minute, for printed documents and schedules ("25 Nov 2026, 06:00 IST"). */
export function formatIstMinute(ms: number, language: Language): string {
  return `${formatter(language, 'minute').format(ms)} IST`;
}

/** The time of day only ("02:14 IST"), for what happened within the shift. */
export function formatIstClock(ms: number, language: Language): string {
  return `${formatter(language, 'clock').format(ms)} IST`;
}

/** A span of time, the date written once when both ends fall on the same IST day. */
export function formatIstPeriod(startMs: number, endMs: number, language: Language): string {
  const [d1, d2] = [startMs, endMs].map((ms) => formatter(language, 'date').format(ms));
  const [c1, c2] = [startMs, endMs].map((ms) => formatter(language, 'clock').format(ms));
  return d1 === d2 ? `${d1}, ${c1} – ${c2} IST` : `${d1}, ${c1} – ${d2}, ${c2} IST`;
}
