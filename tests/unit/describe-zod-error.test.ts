// Issue #16, item 8: a form's field checked on its own must not read "(payload): password: …".
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeZodError } from '../../shared/contract';
import { passwordSchema } from '../../shared/accounts';

describe('describeZodError', () => {
  it('gives a lone field its own rule, without "(payload)"', () => {
    const result = passwordSchema.safeParse('short');
    expect(result.success).toBe(false);
    expect(describeZodError(result.error!)).toEqual({
      field: '(payload)',
      message: 'password: at least 10 characters',
      // Issue #22: the same as a code a desk words in its language, the field taken from the rule.
      code: 'invalid.too_short',
      params: { field: 'password', min: 10 },
    });
  });

  it('still names the path of a field inside a request', () => {
    const result = z
      .object({ reason: z.string().min(5, 'at least 5 characters') })
      .safeParse({ reason: 'x' });
    expect(describeZodError(result.error!)).toEqual({
      field: 'reason',
      message: 'reason: at least 5 characters',
      code: 'invalid.too_short',
      params: { field: 'reason', min: 5 },
    });
  });

  it('keeps "(payload)" when the rule does not name a field', () => {
    const result = z.object({ a: z.string() }).safeParse(7);
    expect(describeZodError(result.error!).message).toMatch(/^\(payload\): /);
  });
});
