// Issue #18: a desk or wall whose link is not 'connected' must not keep showing "Feed: OK" and
// "0 s ago": what it last heard of the feed is stale. Rendered in English and Hindi.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FeedHealth } from '../../../shared/domain';
import { en } from '../../../shared/i18n/en';
import { hi } from '../../../shared/i18n/hi';
import type { ConnectionState } from '../../api/connection';
import { initI18n } from '../../i18n/i18n';
import { formatElapsed } from '../../ui/format/elapsed';
import { WallHealth } from '../wall/WallHealth';
import { FeedHealthStrip } from './FeedHealthStrip';

const NOW = 1_800_000_000_000;
const healthy = {
  state: 'ok',
  source: 'simulator',
  lastGoodPollAtMs: NOW,
  consecutiveFailures: 0,
  lastError: null,
  quarantinedTotal: 0,
  pollingCore: 'core-test',
  thisCore: 'core-test',
  sharedStore: false,
} as unknown as FeedHealth;

const strip = (connection: ConnectionState) =>
  renderToStaticMarkup(
    createElement(FeedHealthStrip, {
      health: healthy,
      connection,
      severity: 'normal',
      nowMs: NOW,
      quarantineUnseen: false,
      onQuarantine: () => {},
    }),
  );
const wall = (connection: ConnectionState, dataAgeMs: number | null = 0) =>
  renderToStaticMarkup(
    createElement(WallHealth, {
      health: healthy,
      connection,
      feedSeverity: 'normal',
      sound: 'ok' as never,
      dataAgeMs,
      stale: false,
      nowMs: NOW,
    }),
  );

describe.each([
  ['en', en],
  ['hi', hi],
] as const)('feed health while not connected (%s)', (language, table) => {
  const i18n = initI18n(language);
  beforeAll(() => i18n.changeLanguage(language));
  const okWord = table.feed.state.ok;

  it('shows the feed as OK, and its age, while connected (the checks below can fail)', () => {
    expect(strip('connected')).toContain(okWord);
    expect(wall('connected')).toContain(okWord);
    expect(strip('connected')).toContain(i18n.t('feed.lastGood', { ago: formatElapsed(i18n.t, 0) }));
    expect(wall('connected')).toContain(i18n.t('wall.lastGood', { ago: formatElapsed(i18n.t, 0) }));
  });

  it.each(['reconnecting', 'revoked', 'connecting'] as const)('never shows OK or an age when %s', (state) => {
    for (const html of [strip(state), wall(state)]) {
      expect(html).toContain(table.feed.notConnectedValue);
      expect(html).toContain(table.feed.lastGoodNotConnected);
      expect(html).not.toContain(`>${okWord}<`);
      // "last good poll 0 s ago", as the strip and the wall word it when connected.
      expect(html).not.toContain(i18n.t('feed.lastGood', { ago: formatElapsed(i18n.t, 0) }));
      expect(html).not.toContain(i18n.t('wall.lastGood', { ago: formatElapsed(i18n.t, 0) }));
    }
  });

  it('shows the data age while connected, and never as now when not connected', () => {
    const now = i18n.t('wall.dataAge', { age: formatElapsed(i18n.t, 0) });
    expect(wall('connected')).toContain(now);
    for (const state of ['reconnecting', 'revoked', 'connecting'] as const) {
      // Nothing heard since the page started (a revoked wall that reloaded): not known.
      expect(wall(state, null)).toContain(table.wall.dataAgeNotKnown);
      expect(wall(state, null)).not.toContain(now);
      // Heard before the link went: the age since then, marked as not connected.
      const aged = wall(state, 42_000);
      expect(aged).toContain(i18n.t('wall.dataAgeNotConnected', { age: formatElapsed(i18n.t, 42_000) }));
      expect(aged).not.toContain(`>${i18n.t('wall.dataAge', { age: formatElapsed(i18n.t, 42_000) })}<`);
    }
  });
});
