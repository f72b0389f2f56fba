// The lockout and idle-lock rules of shared/accounts.ts, as pure functions of the clock.
import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_CHANNELS,
  CHANNEL_ACCESS,
  failuresLock,
  idleLockDue,
  isLockedOut,
  lockEndsAtMs,
  lockHasExpired,
  LOCKOUT,
  LOGON_REFUSED,
} from '../../shared/accounts';

describe('the lockout rule', () => {
  const lockedAt = Date.parse('2026-12-01T22:00:00Z');

  it('locks on the fifth failure within the window, not before', () => {
    expect(LOCKOUT.failures).toBe(5);
    expect(failuresLock(4)).toBe(false);
    expect(failuresLock(5)).toBe(true);
  });

  it('ends a lock by itself after fifteen minutes (CJIS asks for at least ten)', () => {
    expect(LOCKOUT.lockMs).toBeGreaterThanOrEqual(10 * 60_000);
    expect(lockEndsAtMs(lockedAt)).toBe(lockedAt + 15 * 60_000);
    expect(isLockedOut(lockedAt, lockedAt)).toBe(true);
    expect(isLockedOut(lockedAt, lockedAt + LOCKOUT.lockMs - 1)).toBe(true);
    expect(isLockedOut(lockedAt, lockedAt + LOCKOUT.lockMs)).toBe(false);
    expect(lockHasExpired(lockedAt, lockedAt + LOCKOUT.lockMs)).toBe(true);
    expect(lockHasExpired(lockedAt, lockedAt + 1)).toBe(false);
  });

  it('treats an account without a lock as open', () => {
    expect(lockEndsAtMs(null)).toBeNull();
    expect(isLockedOut(null, lockedAt)).toBe(false);
    expect(lockHasExpired(null, lockedAt)).toBe(false);
  });

  it('has one refusal that names no account and says what the rule is', () => {
    expect(LOGON_REFUSED).toBe(
      'Name or password not recognised. After 5 failures an account is locked for 15 minutes.',
    );
  });
});

describe('the idle lock rule', () => {
  it('is due once the idle time has passed since the last activity', () => {
    expect(idleLockDue(0, 59_999, 60_000)).toBe(false);
    expect(idleLockDue(0, 60_000, 60_000)).toBe(true);
  });

  it('counts acting channels and the page report as activity, never the reads a page makes by itself', () => {
    const activity: readonly string[] = ACTIVITY_CHANNELS;
    for (const read of ['getSession', 'listQueue', 'getFeedHealth', 'getAlarm', 'getFlagDetail', 'getReport'])
      expect(activity).not.toContain(read);
    expect(activity).toContain('reportActivity');
    expect(activity).toContain('revealFlag');
    // Every activity channel is one a logged-on user may call (a public one has no session to keep).
    for (const channel of ACTIVITY_CHANNELS) expect(CHANNEL_ACCESS[channel]).not.toBe('public');
  });
});

describe("main's refusals on the page", () => {
  it('are the same English sentences as main sends, so the page can show them in Hindi', async () => {
    const { enAccounts } = await import('../../shared/i18n/en-accounts');
    const { UNLOCK_ENDED, UNLOCK_REFUSED } = await import('../../shared/accounts');
    const fill = (text: string) =>
      text
        .replace('{{failures}}', String(LOCKOUT.failures))
        .replace('{{minutes}}', String(LOCKOUT.lockMs / 60_000));
    expect(fill(enAccounts.accounts.logonRefused)).toBe(LOGON_REFUSED);
    expect(fill(enAccounts.accounts.unlockRefused)).toBe(UNLOCK_REFUSED);
    expect(fill(enAccounts.accounts.unlockEnded)).toBe(UNLOCK_ENDED);
  });
});
