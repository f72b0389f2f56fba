// Calendar dates as an Indian reader reads them (issue #16, item 10): day first, always. "11-07"
// or "11/07/2026" reads as 11 July to the room whatever the machine meant, so every date on screen
// is DD-MM-YYYY or carries the month's name; yyyy-mm-dd stays inside the code and the CSV only.
import type { Language } from '../../window-state/session/initial-state';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

/** 'YYYY-MM-DD' → 'DD-MM-YYYY'. */
export function ddmmyyyy(isoDate: string): string {
  const m = ISO_DATE.exec(isoDate);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : isoDate;
}

/**
 * What a person typed, as 'YYYY-MM-DD', or null when it is not a real date: day first (DD-MM-YYYY,
 * with -, / or .), or the unambiguous year-first form. Never month first.
 */
export function parseDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = ISO_DATE.exec(trimmed);
  const dayFirst = DAY_FIRST.exec(trimmed);
  const [y, mo, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dayFirst
      ? [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])]
      : [NaN, NaN, NaN];
  if (!Number.isInteger(y) || mo < 1 || mo > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null; // 31-02 is not a day
  return date.toISOString().slice(0, 10);
}

const dayMonthFormats = new Map<Language, Intl.DateTimeFormat>();

/** A chart's day label with the month's name: '07 Nov' / '07 नव॰' (never '11-07'). */
export function dayMonth(isoDate: string, language: Language): string {
  let f = dayMonthFormats.get(language);
  if (!f) {
    f = new Intl.DateTimeFormat(language === 'hi' ? 'hi-IN' : 'en-IN', {
      day: '2-digit',
      month: 'short',
      timeZone: 'UTC',
      numberingSystem: 'latn',
    });
    dayMonthFormats.set(language, f);
  }
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  return Number.isFinite(ms) ? f.format(ms) : isoDate;
}
