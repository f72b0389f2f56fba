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
