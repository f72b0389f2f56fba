// What of an event's detail reaches the audit trail: codes, numbers and flags; any text a person
// typed only as its length, under keys not yet known too (the allowlist fails closed).
import { describe, expect, it } from 'vitest';
import { auditAtText } from '../../electron/main/core/audit/audit-chain';
import { auditDetailJson } from '../../shared/audit-detail';

const detail = (value: unknown) => JSON.parse(auditDetailJson(JSON.stringify(value)));

describe('audit detail', () => {
  it('keeps codes, numbers, booleans and null; reduces free text to its length', () => {
    expect(
      detail({
        from: 'new',
        to: 'acknowledged',
        unitKey: 'kota-city-police',
        outcome: 'welfare_check_done',
        minutes: 5,
        done: true,
        reason: null,
        note: 'Met the family.',
        called: 'SI Asha Testwal',
        futureField: 'anything',
      }),
    ).toEqual({
      from: 'new',
      to: 'acknowledged',
      unitKey: 'kota-city-police',
      outcome: 'welfare_check_done',
      minutes: 5,
      done: true,
      reason: null,
      noteLength: 15,
      calledLength: 15,
      futureFieldLength: 8,
    });
  });

  it('does not keep text passed off under a code key, and walks nested objects and arrays', () => {
    expect(detail({ outcome: 'spoke to Zubeida at home', risk: 'high' })).toEqual({
      outcomeLength: 24,
      risk: 'high',
    });
    expect(detail({ inner: { state: 'closed', note: 'xy' }, counts: [1, 2], names: ['A B', 'C'] })).toEqual({
      inner: { state: 'closed', noteLength: 2 },
      counts: [1, 2],
      namesCount: 2,
    });
  });

  it('never blocks on a detail that is not an object', () => {
    expect(auditDetailJson(null)).toBe('{}');
    expect(auditDetailJson('[1]')).toBe('{}');
    expect(JSON.parse(auditDetailJson('{oops'))).toEqual({ unreadableLength: 5 });
  });

  it('writes time as UTC ISO-8601 to the hundredth of a second, never rounded up', () => {
    expect(auditAtText(Date.parse('2026-12-01T22:41:07.539Z'))).toBe('2026-12-01T22:41:07.53Z');
    expect(auditAtText(Date.parse('2026-12-01T22:41:07Z'))).toBe('2026-12-01T22:41:07.00Z');
  });
});
