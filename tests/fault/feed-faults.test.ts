// Every response class of feed protocol v1, against a real HTTP simulator: nothing valid lost,
// nothing invalid stored, the cursor advanced only with a committed page, the right feed-health
// state, and recovery when the fault ends.
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultMode } from '../../electron/main/core/simulator/simulator-server';
import { makeFlag } from '../helpers/flags';
import { feedRig, type FeedRig } from '../helpers/feed-rig';

let rig: FeedRig;
afterEach(async () => rig?.close());

async function faultThenRecover(mode: FaultMode, expected: { state: string; failure: string }, config = {}) {
  rig = await feedRig(config);
  rig.sim.publish(makeFlag({ id: 'fl_before' }));
  expect((await rig.poller.pollOnce()).kind).toBe('committed');
  const cursor = rig.store.sync.getCursor('default');
  rig.sim.publish(makeFlag({ id: 'fl_during' }));

  rig.sim.setFault(mode, { count: 3 });
  for (let i = 0; i < 3; i++) {
    const outcome = await rig.poller.pollOnce();
    expect(outcome).toMatchObject({ kind: 'failed', failure: expected.failure });
  }
  expect(rig.store.sync.getCursor('default')).toBe(cursor);
  expect(rig.store.sync.listOpenQueue(false).map((f) => f.id)).toEqual(['fl_before']);
  const health = rig.poller.health.evaluate(rig.clock.now);
  expect(health.state).toBe(expected.state);
  expect(health.alarm).toBe(['down', 'unauthorised', 'bad_signature', 'silent'].includes(expected.state));

  // The fault ends: the page is fetched again from the committed cursor and nothing was lost.
  expect((await rig.poller.pollOnce()).kind).toBe('committed');
  expect(
    rig.store.sync
      .listOpenQueue(false)
      .map((f) => f.id)
      .sort(),
  ).toEqual(['fl_before', 'fl_during']);
  expect(rig.poller.health.evaluate(rig.clock.now).state).toBe('ok');
}

describe('feed fault classes', () => {
  it.each([
    ['unauthorised', 'unauthorised', 'unauthorised'],
    ['forbidden', 'unauthorised', 'unauthorised'],
    ['server_error', 'down', 'server_error'],
    ['bad_gateway', 'down', 'server_error'],
    ['unavailable', 'down', 'server_error'],
    ['rate_limited', 'down', 'rate_limited'],
    ['reset', 'down', 'network'],
    ['truncated', 'down', 'bad_page'],
    ['non_json', 'down', 'bad_page'],
    ['wrong_shape', 'down', 'bad_page'],
    ['oversize', 'down', 'too_large'],
  ] as const)('%s → %s, then recovers', async (mode, state, failure) => {
    await faultThenRecover(mode, { state, failure });
  });

  it('a hanging server and a slow-loris trickle end at the request deadline', async () => {
    for (const mode of ['hang', 'slow_loris'] as const) {
      await faultThenRecover(mode, { state: 'down', failure: 'timeout' }, { requestSlackMs: 1000 });
      await rig.close();
    }
  });

  it('bad and missing signatures: page not ingested, cursor kept, BAD SIGNATURE state', async () => {
    for (const mode of ['bad_signature', 'missing_signature'] as const) {
      rig = await feedRig({ secret: 'shared-secret-0123456789' }, { secret: 'shared-secret-0123456789' });
      rig.sim.publish(makeFlag({ id: 'fl_signed' }));
      rig.sim.setFault(mode, { count: 1 });
      expect(await rig.poller.pollOnce()).toMatchObject({ kind: 'failed', failure: 'bad_signature' });
      expect(rig.store.sync.getCursor('default')).toBeNull();
      expect(rig.store.sync.listOpenQueue(false)).toHaveLength(0);
      expect(rig.poller.health.evaluate(rig.clock.now)).toMatchObject({
        state: 'bad_signature',
        alarm: true,
      });
      expect((await rig.poller.pollOnce()).kind).toBe('committed');
      expect(rig.store.sync.listOpenQueue(false)).toHaveLength(1);
      await rig.close();
    }
  });

  it('204 and 304 leave the cursor unchanged and count as a good poll', async () => {
    rig = await feedRig();
    expect((await rig.poller.pollOnce()).kind).toBe('nothing_new');
    rig.sim.setFault('not_modified', { count: 1 });
    expect((await rig.poller.pollOnce()).kind).toBe('nothing_new');
    expect(rig.store.sync.getCursor('default')).toBeNull();
    expect(rig.poller.health.evaluate(rig.clock.now).state).toBe('ok');
  });

  it('respects Retry-After on 429', async () => {
    rig = await feedRig();
    rig.sim.setFault('rate_limited', { count: 1 });
    const outcome = await rig.poller.pollOnce();
    expect(outcome).toMatchObject({ kind: 'failed', failure: 'rate_limited', retryAfterMs: 3000 });
    expect(rig.poller.delayAfter(outcome)).toBe(3000); // the server's 3 s, not the 1 s poll interval
  });

  it('goes SILENT when no poll has succeeded for twice the poll interval', async () => {
    rig = await feedRig({ pollIntervalMs: 1000 });
    await rig.poller.pollOnce();
    rig.clock.now += 1500;
    expect(rig.poller.health.evaluate(rig.clock.now).state).toBe('ok');
    rig.clock.now += 600;
    expect(rig.poller.health.evaluate(rig.clock.now)).toMatchObject({ state: 'silent', alarm: true });
  });
});

describe('redelivery, revisions, withdrawals, mixed pages', () => {
  it('follows has_more through every page, absorbing duplicates and out-of-order revisions', async () => {
    rig = await feedRig({ limit: 2 });
    const a = makeFlag({ id: 'fl_a' });
    rig.sim.publish(a);
    rig.sim.publish({ ...a, revision: 3, risk: 'imminent' });
    rig.sim.publish(a); // redelivery of revision 1
    rig.sim.publish({ ...a, revision: 2, status: 'withdrawn' }); // older than 3: history only
    rig.sim.publish(makeFlag({ id: 'fl_b', risk: 'nope' }));
    rig.sim.publish(makeFlag({ id: 'fl_c' }));
    const kinds: string[] = [];
    for (;;) {
      const outcome = await rig.poller.pollOnce();
      kinds.push(outcome.kind);
      if (outcome.kind !== 'committed' || !outcome.hasMore) break;
    }
    expect(kinds).toEqual(['committed', 'committed', 'committed']);
    const queue = rig.store.sync.listOpenQueue(false);
    expect(queue.map((f) => [f.id, f.revision, f.risk, f.status])).toEqual([
      ['fl_a', 3, 'imminent', 'active'],
      ['fl_c', 1, 'high', 'active'],
    ]);
    expect(rig.store.sync.status().quarantined).toBe(1);
    expect(rig.store.sync.getCursor('default')).toBe('c_6');
  });

  it('sends the long-poll wait and is woken by a new flag', async () => {
    rig = await feedRig({ waitSeconds: 5 });
    const pending = rig.poller.pollOnce();
    await rig.sim.whenWaiting(); // the server is holding the request open
    rig.sim.publish(makeFlag({ id: 'fl_woken' }));
    expect((await pending).kind).toBe('committed');
    expect(rig.store.sync.listOpenQueue(false).map((f) => f.id)).toEqual(['fl_woken']);
  });
});
