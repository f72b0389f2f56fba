import type { Language } from '../state/session/initial-state';

// The room works in IST whatever the machine's zone is set to.
const formatters = new Map<Language, Intl.DateTimeFormat>();

export function formatIst(ms: number, language: Language): string {
  let f = formatters.get(language);
  if (!f) {
    f = new Intl.DateTimeFormat(language === 'hi' ? 'hi-IN' : 'en-IN', {
      timeZone: 'Asia/Kolkata',
      day: '2-digit',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      numberingSystem: 'latn',
    });
    formatters.set(language, f);
  }
  return `${f.format(ms)} IST`;
}
