// Words an error (code + parameters) in a language. One formatter for the CLI and host log
// (English) and the desk (its language), so the two never drift.
import { ERROR_CODES, isErrorCode, type ErrorCode, type ErrorParamValue } from './error-codes';
import { enErrorFields, enErrors, type ErrorField } from './i18n/en-errors';
import { hiErrorFields, hiErrors } from './i18n/hi-errors';

export type ErrorLanguage = 'en' | 'hi';

const TABLES: Record<
  ErrorLanguage,
  { texts: Record<ErrorCode, string>; fields: Record<ErrorField, string> }
> = {
  en: { texts: enErrors, fields: enErrorFields },
  hi: { texts: hiErrors, fields: hiErrorFields },
};

const isField = (name: string): name is ErrorField =>
  Object.prototype.hasOwnProperty.call(enErrorFields, name);

/**
 * The sentence for `code` with its parameters filled in. A `field` parameter that names a form field
 * is translated; any other value is shown as given (names, case numbers, units). An unknown code
 * (an older or newer host) is worded as the host's internal error, never as raw text.
 */
export function formatError(
  language: ErrorLanguage,
  code: string,
  params: Readonly<Record<string, ErrorParamValue>> = {},
): string {
  const table = TABLES[language];
  const known: ErrorCode = isErrorCode(code) ? code : 'host.internal';
  return table.texts[known].replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return '';
    if (name === 'field' && typeof value === 'string' && isField(value)) return table.fields[value];
    return String(value);
  });
}

/** The parameter names `code` declares (for tests and for checking an envelope from the wire). */
export const paramsOf = (code: ErrorCode): readonly string[] => ERROR_CODES[code];
