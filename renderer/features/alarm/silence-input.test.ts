import { describe, expect, it } from 'vitest';
import { testOutcome } from './alarm-test-outcome';
import { isValidSilenceReason, parseMinutes } from './silence-input';

describe('silence form input', () => {
  it('takes whole minutes from 1 to 15', () => {
    expect(parseMinutes('5')).toBe(5);
    expect(parseMinutes(' 15 ')).toBe(15);
    expect(parseMinutes('0')).toBeNull();
    expect(parseMinutes('16')).toBeNull();
    expect(parseMinutes('2.5')).toBeNull();
    expect(parseMinutes('')).toBeNull();
  });

  it('wants a reason of 5 to 200 characters', () => {
    expect(isValidSilenceReason('Drill')).toBe(true);
    expect(isValidSilenceReason('  ab  ')).toBe(false);
    expect(isValidSilenceReason('x'.repeat(201))).toBe(false);
  });
});

describe('test alarm outcome', () => {
  it('says what the speakers could do', () => {
    expect(testOutcome('on')).toBe('played');
    expect(testOutcome('unknown')).toBe('played');
    expect(testOutcome('blocked')).toBe('blocked');
    expect(testOutcome('starting')).toBe('blocked');
    expect(testOutcome('no_output')).toBe('no_output');
    expect(testOutcome('unavailable')).toBe('no_output');
  });
});
