import type { Language } from '../state/session/initial-state';

// The room works in IST whatever the machine's zone is set to.
type Precision = 'second' | 'minute';
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: Language, precision: Precision): Intl.DateTimeFormat {
  const key = `${language}:${precision}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(language === 'hi' ? 'hi-IN' : 'en-IN', {
      timeZone: 'Asia/Kolkata',
      day: '2-digit',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      ...(precision === 'second' ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
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
