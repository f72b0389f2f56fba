// The language of the printed handover: English, Hindi, or both side by side ("Flags received /
// प्राप्त फ़्लैग"). Independent of the desk's language: the supervisor chooses per document.
import { districtByKey } from '../../shared/geo/district-names';
import { formatMinutes } from '../format/elapsed';
import { formatIstMinute } from '../format/ist';
import type { Language } from '../state/session/initial-state';

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
  /** A string in the document's language(s); both are joined with " / ". */
  tx(key: string, values?: Record<string, unknown>): string;
  district(key: string | null): string;
  /** A moment, to the minute, in IST. */
  time(ms: number): string;
  /** A duration, to the minute. */
  duration(ms: number): string;
}

export function makeDocText(choice: DocLanguage, fixedT: (language: Language) => Translate): DocText {
  const languages = docLanguages(choice);
  const ts = languages.map(fixedT);
  const lang = languages[0]!;
  const tx = (key: string, values?: Record<string, unknown>) => ts.map((t) => t(key, values)).join(' / ');
  return {
    choice,
    lang,
    tx,
    district(key) {
      const district = districtByKey(key);
      return district ? languages.map((l) => district[l]).join(' / ') : tx('queue.unknownDistrict');
    },
    time: (ms) => formatIstMinute(ms, lang),
    duration: (ms) => formatMinutes(ts[0]!, ms),
  };
}
