// The language of the printed handover: English, Hindi, or both side by side ("Flags received /
// प्राप्त फ़्लैग"). Independent of the desk's language: the supervisor chooses per document.
import { registryUnit } from '../registry/registry-in-force';
import { districtByKey } from '../../../shared/geo/district-names';
import { formatElapsed, formatMinutes } from '../../ui/format/elapsed';
import { formatIstMinute, formatIstPeriod } from '../../ui/format/ist';
import type { Language } from '../../window-state/session/initial-state';

export const DOC_LANGUAGES = ['en', 'hi', 'both'] as const;
export type DocLanguage = (typeof DOC_LANGUAGES)[number];
export type Translate = (key: string, values?: Record<string, unknown>) => string;

export const isDocLanguage = (value: string): value is DocLanguage =>
  (DOC_LANGUAGES as readonly string[]).includes(value);

/** The languages a document is written in, in print order. */
export function docLanguages(choice: DocLanguage): Language[] {
  return choice === 'both' ? ['en', 'hi'] : [choice];
}

export interface DocText {
  choice: DocLanguage;
  /** The document's main language: its `lang` attribute and the language of its dates. */
  lang: Language;
  /** A heading in the document's language(s): both side by side, joined with " / ". */
  tx(key: string, values?: Record<string, unknown>): string;
  /** A table value or column head: both stacked, one per line (cells use `white-space: pre-line`). */
  tv(key: string, values?: Record<string, unknown>): string;
  /** A district's name, stacked like a value; unknown (null) is for the supervisor to decide. */
  district(key: string | null): string;
  /** A police unit's name, or a dash while the flag has not been dispatched. */
  unit(key: string | null): string;
  /** A moment, to the minute, in IST. */
  time(ms: number): string;
  period(startMs: number, endMs: number): string;
  /** How long something took ("1 m 04 s", "3 h 05 m"). */
  duration(ms: number): string;
  /** A target or a round figure, to the minute ("5 min", "4 h 00 m"). */
  minutes(ms: number): string;
}

export function makeDocText(choice: DocLanguage, fixedT: (language: Language) => Translate): DocText {
  const languages = docLanguages(choice);
  const ts = languages.map(fixedT);
  const lang = languages[0]!;
  const tx = (key: string, values?: Record<string, unknown>) => ts.map((t) => t(key, values)).join(' / ');
  const tv = (key: string, values?: Record<string, unknown>) => ts.map((t) => t(key, values)).join('\n');
  return {
    choice,
    lang,
    tx,
    tv,
    district(key) {
      const district = districtByKey(key);
      return district ? languages.map((l) => district[l]).join('\n') : tv('queue.unknownDistrict');
    },
    unit(key) {
      const unit = registryUnit(key);
      return unit ? languages.map((l) => unit[l]).join('\n') : '—';
    },
    time: (ms) => formatIstMinute(ms, lang),
    period: (startMs, endMs) => formatIstPeriod(startMs, endMs, lang),
    duration: (ms) => formatElapsed(ts[0]!, ms),
    minutes: (ms) => formatMinutes(ts[0]!, ms),
  };
}
