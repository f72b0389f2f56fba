// Every error code has English and Hindi, each placeholder is a parameter the code declares, the
// Hindi follows the glossary and shows no English (tests/unit/error-codes-used.test.ts checks
// that no desk-reachable code sends a bare sentence).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../error-codes';
import { formatError } from '../error-text';
import { ContractError, coded } from '../errors';
import { describeZodError } from '../contract';
import { enErrorFields, enErrors } from './en-errors';
import { hiErrorFields, hiErrors } from './hi-errors';
import { ACRONYMS, CAPITALISED_LABELS, GLOSSARY, LATIN_ALLOWED, URGENCY_SIGN } from './glossary';
import { checkEntries, describeProblem, pairTables } from './glossary-check';

const CODES = Object.keys(ERROR_CODES) as ErrorCode[];
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);

describe('error texts', () => {
  it('has an English and a Hindi text for every code, and no text for a code not in the list', () => {
    for (const code of CODES) {
      expect(enErrors[code]?.trim(), code).toBeTruthy();
      expect(hiErrors[code]?.trim(), code).toBeTruthy();
    }
    expect(Object.keys(enErrors).sort()).toEqual([...CODES].sort());
    expect(Object.keys(hiErrors).sort()).toEqual([...CODES].sort());
  });

  it('uses only placeholders the code declares; English uses them all', () => {
    for (const code of CODES) {
      const declared: readonly string[] = ERROR_CODES[code];
      for (const name of [...placeholders(enErrors[code]), ...placeholders(hiErrors[code])])
        expect(declared, `${code} uses {{${name}}}`).toContain(name);
      expect(placeholders(enErrors[code]).sort(), code).toEqual([...declared].sort());
    }
  });

  it('writes the Hindi in the glossary’s words, with no English left in it', () => {
    const rules = {
      glossary: GLOSSARY,
      latinAllowed: LATIN_ALLOWED,
      urgencySign: URGENCY_SIGN,
      capitalisedLabels: CAPITALISED_LABELS,
      acronyms: ACRONYMS,
    };
    const entries = [...pairTables(hiErrors, enErrors), ...pairTables(hiErrorFields, enErrorFields)];
    const problems = checkEntries(entries, rules).map(describeProblem);
    expect(problems, `\n${problems.join('\n')}\n`).toEqual([]);
  });

  it('fills parameters, translates a form field’s name and keeps names and case numbers', () => {
    expect(
      formatError('hi', 'flag.taken_by', { caseNo: 'LC-000042', state: 'acknowledged', by: 'Asha' }),
    ).toBe('फ़्लैग LC-000042 पहले ही Asha ने ले लिया है।');
    expect(formatError('hi', 'invalid.too_short', { field: 'password', min: 10 })).toBe(
      'पासवर्ड: कम से कम 10 अक्षर',
    );
    expect(formatError('en', 'invalid.too_short', { field: 'password', min: 10 })).toBe(
      'password: at least 10 characters',
    );
    // A code this desk does not know (a newer host) is the generic line, never raw text.
    expect(formatError('hi', 'room.takeover_refused', {})).toBe(hiErrors['host.internal']);
  });

  it('keeps the English sentence as the error message (for the log and the CLI)', () => {
    const error = new ContractError(
      'conflict',
      coded('dispatch.not_acknowledged', { caseNo: 'LC-000001' }),
      'id',
    );
    expect(error.message).toBe('Cannot dispatch LC-000001: acknowledge it first.');
    expect(error.toData()).toEqual({
      kind: 'conflict',
      message: 'Cannot dispatch LC-000001: acknowledge it first.',
      field: 'id',
      code: 'dispatch.not_acknowledged',
      params: { caseNo: 'LC-000001' },
    });
    expect(ContractError.fromData(error.toData()).code).toBe('dispatch.not_acknowledged');
  });

  it('turns zod issues into codes naming the field and the rule', () => {
    const form = z.object({
      reason: z.string().min(10, 'reason: at least 10'),
      unit: z.string().regex(/^[a-z]+$/),
    });
    expect(describeZodError(form.safeParse({ reason: 'short', unit: 'ok' }).error!)).toMatchObject({
      code: 'invalid.too_short',
      params: { field: 'reason', min: 10 },
    });
    expect(describeZodError(form.safeParse({ reason: 'long enough here', unit: 'NO' }).error!)).toMatchObject(
      {
        code: 'invalid.pattern',
        params: { field: 'unit' },
      },
    );
    // A value checked on its own names its field in its rule ("password: …").
    const alone = z.string().min(10, 'password: at least 10 characters');
    expect(describeZodError(alone.safeParse('x').error!)).toMatchObject({
      message: 'password: at least 10 characters',
      code: 'invalid.too_short',
      params: { field: 'password', min: 10 },
    });
  });
});
