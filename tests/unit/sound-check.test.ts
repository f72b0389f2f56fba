// When a desk's sound counts as verified (issue #16, item 5): the rule in shared/sound-check.ts,
// the core keeping the answer with the connection, and the room treating "not heard" as an alarm.
import { describe, expect, it } from 'vitest';
import { ClientStates } from '../../electron/main/core/presence/client-state';
import { clientNeedsAttention } from '../../shared/presence';
import { SOUND_CHECK_VALID_MS, soundVerification } from '../../shared/sound-check';

const at = Date.parse('2026-12-07T02:14:00+05:30');
const heard = { heard: true, atMs: at, by: 'Op Testwal' };
const notHeard = { heard: false, atMs: at, by: 'Op Testwal' };

describe('soundVerification', () => {
  it('is unverified until someone answers, whatever the browser says of the output', () => {
    expect(soundVerification(null, 'ok', at)).toBe('unverified');
    expect(soundVerification(undefined, 'unknown', at)).toBe('unverified');
  });

  it('counts a heard test for one shift, then asks again', () => {
    expect(soundVerification(heard, 'unknown', at)).toBe('verified');
    expect(soundVerification(heard, 'ok', at + SOUND_CHECK_VALID_MS - 1)).toBe('verified');
    expect(soundVerification(heard, 'ok', at + SOUND_CHECK_VALID_MS)).toBe('unverified');
    // A clock set back is no proof either.
    expect(soundVerification(heard, 'ok', at - 1)).toBe('unverified');
  });

  it('voids a heard test when the output is lost or blocked afterwards', () => {
    expect(soundVerification(heard, 'lost', at + 1)).toBe('unverified');
    expect(soundVerification(heard, 'blocked', at + 1)).toBe('unverified');
  });

  it('keeps "not heard" as its own state until a test is heard, however long ago', () => {
    expect(soundVerification(notHeard, 'ok', at)).toBe('not_heard');
    expect(soundVerification(notHeard, 'ok', at + 10 * SOUND_CHECK_VALID_MS)).toBe('not_heard');
  });
});

describe('the room and a test nobody heard', () => {
  it('needs attention, like a lost output; a heard test does not', () => {
    const client = { visibility: 'visible', audio: 'ok' } as const;
    expect(clientNeedsAttention({ ...client, soundCheck: notHeard })).toBe(true);
    expect(clientNeedsAttention({ ...client, soundCheck: heard })).toBe(false);
    expect(clientNeedsAttention(client)).toBe(false);
  });

  it('is kept with the connection across its later reports, and refused before it reported', () => {
    const states = new ClientStates();
    expect(states.recordSoundCheck('c', heard)).toBeNull();
    states.report('c', 'desk', { visibility: 'visible', audio: 'ok' }, 1);
    expect(states.recordSoundCheck('c', notHeard)).toMatchObject({ number: 1, soundCheck: notHeard });
    // The window is hidden and shown again: the answer stays with the desk.
    states.report('c', 'desk', { visibility: 'hidden', audio: 'ok' }, 2);
    expect(states.list()[0]).toMatchObject({ visibility: 'hidden', soundCheck: notHeard });
    states.stop();
  });
});
