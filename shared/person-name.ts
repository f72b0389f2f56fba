// A person's name as the room types it (an operator, an account, whoever a unit's call reached):
// letters and marks of any script (Devanagari needs \p{M} for its vowel signs), digits, spaces and
// . ' - ; one rule for every form, so a name one screen accepts is never refused by another.
import { z } from 'zod';

/**
 * `withSlash`: also '/', for a call that reached two people ("SI Verma / HC Rathore"); a login
 * name never needs it.
 */
export function personNameSchema(field: string, options: { withSlash?: boolean } = {}) {
  const slash = options.withSlash === true;
  return z
    .string()
    .trim()
    .min(2, `${field}: at least 2 characters`)
    .max(64, `${field}: at most 64 characters`)
    .regex(
      slash ? /^[\p{L}\p{M}\p{N} .'/-]+$/u : /^[\p{L}\p{M}\p{N} .'-]+$/u,
      `${field}: letters, digits, spaces, . '${slash ? ' /' : ''} - only`,
    );
}
