// Several cores share one PostgreSQL: the room must read STORE UNREACHABLE as its own loss (this
// console, not the platform), a takeover as a takeover, and which core polls — in English and Hindi.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FeedHealth } from '../../../shared/domain';
import { FEED_STATES } from '../../../shared/domain';
import { FEED_LOST_STATES, feedLoss } from '../../../shared/feed-loss';
import { en } from '../../../shared/i18n/en';
import { hi } from '../../../shared/i18n/hi';
import { feedHealth } from '../../../tests/helpers/domain-fixtures';
import { initI18n } from '../../i18n/i18n';
import { WallCounters } from '../wall/WallCounters';
import { WallHealth } from '../wall/WallHealth';
import { FeedHealthStrip } from './FeedHealthStrip';
import { FeedLossBanner } from './FeedLossBanner';
import { lossAction, pollingLine } from './feed-words';

const NOW = 1_800_000_000_000;

const unreachable = feedHealth({
  state: 'store_unreachable',
  alarm: true,
  lastGoodPollAtMs: NOW - 30_000,
  pollingCore: null,
  thisCore: 'KOTA-1',
  lastError: { kind: 'store_unreachable', message: 'connect ECONNREFUSED 10.0.0.5:5432' },
});
const takeover = feedHealth({
  state: 'down',
  alarm: true,
  lastGoodPollAtMs: NOW - 8_000,
  pollingCore: null,
  thisCore: 'KOTA-1',
  lastError: { kind: 'no_poller', message: 'no core holds the poll lease' },
});
const platformDown = feedHealth({
  state: 'down',
  alarm: true,
  lastGoodPollAtMs: NOW - 60_000,
  pollingCore: 'KOTA-1',
  thisCore: 'KOTA-1',
  lastError: { kind: 'network', message: 'ECONNREFUSED' },
});
const otherPolls = feedHealth({ pollingCore: 'KOTA-2', thisCore: 'KOTA-1', lastGoodPollAtMs: NOW });
const selfPolls = feedHealth({ pollingCore: 'KOTA-1', thisCore: 'KOTA-1', lastGoodPollAtMs: NOW });

const banner = (health: FeedHealth, variant: 'desk' | 'wall' = 'desk') =>
  renderToStaticMarkup(createElement(FeedLossBanner, { health, nowMs: NOW, variant }));
const strip = (health: FeedHealth) =>
  renderToStaticMarkup(
    createElement(FeedHealthStrip, {
      health,
      connection: 'connected',
      severity: 'normal',
      nowMs: NOW,
      quarantineUnseen: false,
      onQuarantine: () => {},
    }),
  );
const wall = (health: FeedHealth, connection: 'connected' | 'reconnecting' = 'connected') =>
  renderToStaticMarkup(
    createElement(WallHealth, {
      health,
      connection,
      feedSeverity: 'normal',
      sound: 'ok' as never,
      dataAgeMs: 0,
      stale: false,
      nowMs: NOW,
    }),
  );
const counters = (health: FeedHealth) =>
  renderToStaticMarkup(
    createElement(WallCounters, {
      open: 3,
      unacknowledged: 1,
      oldestUnackMs: null,
      shift: null,
      live: feedLoss(health) === null,
    }),
  );
/** i18next escapes its values into the markup as React would: compare with the same escaping. */
const html = (text: string) => renderToStaticMarkup(createElement('i', null, text)).slice(3, -4);

describe('the rule behind the words', () => {
  it('STORE UNREACHABLE is a loss, so every view shows NOT LIVE for it as for the feed states', () => {
    expect(FEED_LOST_STATES).toContain('store_unreachable');
    for (const state of FEED_STATES) {
      const lost = feedLoss(feedHealth({ state })) !== null;
      expect(lost, state).toBe((FEED_LOST_STATES as readonly string[]).includes(state));
    }
  });

  it('chooses what to do by who is at fault', () => {
    expect(lossAction(feedLoss(unreachable)!, unreachable)).toBe('store');
    expect(lossAction(feedLoss(takeover)!, takeover)).toBe('takeover');
    expect(lossAction(feedLoss(platformDown)!, platformDown)).toBe('feed');
    // A lost store says nothing of a takeover, though no core is named as polling.
    expect(pollingLine(unreachable)).toEqual({ kind: 'lost', self: 'KOTA-1' });
    expect(pollingLine(takeover)).toEqual({ kind: 'none' });
    expect(pollingLine(otherPolls)).toEqual({ kind: 'other', core: 'KOTA-2', self: 'KOTA-1' });
    expect(pollingLine(selfPolls)).toEqual({ kind: 'self', core: 'KOTA-1' });
  });
});

describe.each([
  ['en', en],
  ['hi', hi],
] as const)('words per state (%s)', (language, table) => {
  const i18n = initI18n(language);
  beforeAll(() => i18n.changeLanguage(language));
  const tr = (key: string, values: Record<string, string>) => html(i18n.t(key, values));

  it('STORE UNREACHABLE: its own head and remedy on desk and wall, NOT LIVE on the counters', () => {
    for (const variant of ['desk', 'wall'] as const) {
      const b = banner(unreachable, variant);
      expect(b).toContain('data-state="store_unreachable"');
      expect(b).toContain(html(table.feedLoss.head.store_unreachable));
      expect(b).toContain(html(table.feedLoss.doStore));
      expect(b).not.toContain(html(table.feedLoss.do));
      expect(b).not.toContain(html(table.feedLoss.doTakeover));
    }
    expect(counters(unreachable)).toContain(html(table.feedLoss.notLive));
    expect(counters(selfPolls)).not.toContain(html(table.feedLoss.notLive));
    // The strip says which console this is, and never that a takeover is under way.
    const s = strip(unreachable);
    expect(s).toContain(html(table.feed.state.store_unreachable));
    expect(s).toContain(tr('feed.polling.lostDesk', { self: 'KOTA-1' }));
    expect(s).toContain(html(table.feedLoss.errorKind.store_unreachable));
    expect(s).not.toContain(html(table.feed.polling.none));
    expect(s.match(/ECONNREFUSED/g)).toHaveLength(1); // the technical message: in the tooltip only
    const w = wall(unreachable);
    expect(w).toContain(tr('feed.polling.lostWall', { self: 'KOTA-1' }));
    expect(w).not.toContain(html(table.feed.polling.none));
  });

  it('a takeover (no core polling): the band says another console takes over, not to call the platform', () => {
    const b = banner(takeover);
    expect(b).toContain('data-action="takeover"');
    expect(b).toContain(html(table.feedLoss.doTakeover));
    expect(b).not.toContain(html(table.feedLoss.do));
    expect(strip(takeover)).toContain(html(table.feed.polling.none));
    expect(strip(takeover)).toContain(html(table.feedLoss.errorKind.no_poller));
    expect(wall(takeover)).toContain(html(table.feed.polling.none));
  });

  it('the platform down: the band still says to call its duty contact', () => {
    const b = banner(platformDown);
    expect(b).toContain(html(table.feedLoss.do));
    expect(b).not.toContain(html(table.feedLoss.doStore));
  });

  it('another core polls: the desk says which it is on and which polls; the wall names both', () => {
    const s = strip(otherPolls);
    expect(s).toContain(tr('feed.polling.otherDesk', { self: 'KOTA-1', core: 'KOTA-2' }));
    expect(s).toContain('data-polling="other"');
    const w = wall(otherPolls);
    expect(w).toContain(tr('feed.polling.otherWall', { self: 'KOTA-1', core: 'KOTA-2' }));
    expect(banner(otherPolls)).toBe(''); // another core polling is no loss
  });

  it('its own core polls (SQLite, or the polling core): one quiet item on the desk, nothing on the wall', () => {
    expect(strip(selfPolls)).toContain(tr('feed.polling.self', { core: 'KOTA-1' }));
    expect(strip(selfPolls)).toContain('data-polling="self"');
    // The 1080p wall's footer keeps to one line: the usual case adds nothing to it.
    expect(wall(selfPolls)).not.toContain('wall-polling');
    expect(wall(otherPolls)).toContain('data-testid="wall-polling"');
    expect(wall(otherPolls)).not.toMatch(/wall-polling[^"]*sev--/);
  });

  it('says nothing of who polls while not connected (it would be as stale as the state)', () => {
    expect(wall(otherPolls, 'reconnecting')).not.toContain('wall-polling');
  });
});
