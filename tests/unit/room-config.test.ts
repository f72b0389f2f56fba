// The hold grace is configuration like any other: validated, with the flag and the rule named.
import { describe, expect, it } from 'vitest';
import { resolveHostConfig } from '../../electron/main/core/config/host-config';
import { feedOptionsOf } from '../../electron/main/core/start-console';

describe('hold grace configuration', () => {
  it('defaults to 60 s and takes a flag or LIFELINE_HOLD_GRACE_SECONDS', () => {
    expect(feedOptionsOf(resolveHostConfig({ dataDir: '/tmp/x' }, {})).holdGraceMs).toBe(60_000);
    expect(resolveHostConfig({ dataDir: '/tmp/x', holdGraceSeconds: '30' }, {}).holdGraceSeconds).toBe(30);
    expect(
      resolveHostConfig({ dataDir: '/tmp/x' }, { LIFELINE_HOLD_GRACE_SECONDS: '120' }).holdGraceSeconds,
    ).toBe(120);
  });

  it('refuses a grace outside 5–900 s, naming the flag and the rule', () => {
    expect(() => resolveHostConfig({ dataDir: '/tmp/x', holdGraceSeconds: '2' }, {})).toThrow(
      'Configuration --hold-grace-seconds / LIFELINE_HOLD_GRACE_SECONDS: must be 5–900 seconds',
    );
    expect(() => resolveHostConfig({ dataDir: '/tmp/x', holdGraceSeconds: 'soon' }, {})).toThrow(
      /--hold-grace-seconds/,
    );
  });
});

describe('re-alarm configuration', () => {
  it('defaults to the confirmation target (15 min) and takes a flag or LIFELINE_RE_ALARM_SECONDS', () => {
    expect(feedOptionsOf(resolveHostConfig({ dataDir: '/tmp/x' }, {})).reAlarmMs).toBe(15 * 60_000);
    expect(feedOptionsOf(resolveHostConfig({ dataDir: '/tmp/x', reAlarmSeconds: '8' }, {})).reAlarmMs).toBe(
      8000,
    );
    expect(
      resolveHostConfig({ dataDir: '/tmp/x' }, { LIFELINE_RE_ALARM_SECONDS: '600' }).reAlarmSeconds,
    ).toBe(600);
  });

  it('refuses a re-alarm outside 5–3600 s, naming the flag and the rule', () => {
    expect(() => resolveHostConfig({ dataDir: '/tmp/x', reAlarmSeconds: '4' }, {})).toThrow(
      'Configuration --re-alarm-seconds / LIFELINE_RE_ALARM_SECONDS: must be 5–3600 seconds',
    );
  });
});
