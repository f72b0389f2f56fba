// What a desk shows for a failure: the host's (or the client's own) error code and parameters worded
// in the desk's language, never the English sentence the host logs. Zod failures of a form's own
// checks are worded the same way.
import i18next from 'i18next';
import type { z } from 'zod';
import { describeZodError } from '../../shared/contract';
import { formatError, type ErrorLanguage } from '../../shared/error-text';

const deskLanguage = (): ErrorLanguage => (i18next.language === 'hi' ? 'hi' : 'en');

const codedOf = (failure: unknown): { code: string; params: Record<string, string | number> } | null => {
  if (typeof failure !== 'object' || failure === null || !('code' in failure)) return null;
  const { code, params } = failure as { code: unknown; params?: unknown };
  if (typeof code !== 'string') return null;
  return {
    code,
    params: typeof params === 'object' && params !== null ? (params as Record<string, string | number>) : {},
  };
};

/**
 * A failure in the desk's language. Something without a code (a bug in the page itself) shows its
 * English message to an English desk and the generic "see the host log" line to a Hindi one.
 */
export function failureText(failure: unknown, language: ErrorLanguage = deskLanguage()): string {
  const known = codedOf(failure);
  if (known) return formatError(language, known.code, known.params);
  const message = failure instanceof Error ? failure.message : String(failure);
  return formatError(language, 'host.message', { message });
}

/** A form's own zod check, worded like the host's validation errors. */
export function zodFailureText(error: z.ZodError, language: ErrorLanguage = deskLanguage()): string {
  const { code, params } = describeZodError(error);
  return formatError(language, code, params);
}
