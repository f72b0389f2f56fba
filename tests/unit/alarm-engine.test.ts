// The alarm policy as a state machine over a fake clock: repeats until acknowledged, escalation per
// risk, silence (never over an unacknowledged imminent flag, expiring by itself), flood entry at
// more than 10 new flags in 10 minutes and exit below 5, feed alarm tone, "too quiet".
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALARM_CONFIG } from '../../electron/main/core/alarm/alarm-config';
import { AlarmEngine, tooQuietThresholdMs } from '../../electron/main/core/alarm/alarm-engine';
import type { QueueItem } from '../../shared/domain';
import { HOUR_MS } from '../../shared/time/ist';
import { queueItem } from '../helpers/domain-fixtures';

const feedOk = { alarm: false, state: 'ok' as const };
const T0 = 1_800_000_000_000;
const engine = () => new AlarmEngine(DEFAULT_ALARM_CONFIG, T0);
const item = (id: string, over: Partial<QueueItem> = {}) => queueItem(id, { receivedAtMs: T0, ...over });

describe('alarm engine', () => {
  it('sounds again for a dispatch the unit has not confirmed within 15 minutes, until it does', () => {
    const e = engine();
    const sent = item('d', {
      risk: 'high',
      state: 'dispatched',
      acknowledgedAtMs: T0,
      dispatch: { unitKey: 'kota-city', atMs: T0, confirmedAtMs: null },
    });
    expect(e.evaluate([sent], feedOk, T0 + 15 * 60_000 - 1).state).toMatchObject({
      unconfirmedIds: [],
      sound: { flag: null },
    });
    const late = e.evaluate([sent], feedOk, T0 + 15 * 60_000);
    expect(late.state).toMatchObject({ unconfirmedIds: ['d'], flagIds: [], sound: { flag: 'high' } });
    expect(late.log).toEqual([expect.objectContaining({ kind: 'dispatch_unconfirmed' })]);
    expect(e.evaluate([sent], feedOk, T0 + 16 * 60_000).log).toEqual([]); // logged once
    const confirmed = { ...sent, dispatch: { ...sent.dispatch!, confirmedAtMs: T0 + 16 * 60_000 } };
    expect(e.evaluate([confirmed], feedOk, T0 + 17 * 60_000).state.sound.flag).toBeNull();
  });

  it('sounds for every new active flag, at the highest risk, until each is acknowledged', () => {
    const e = engine();
    const open = [
      item('a', { risk: 'elevated' }),
      item('b', { risk: 'high' }),
      item('w', { risk: 'imminent', status: 'withdrawn' }),
    ];
    let { state } = e.evaluate(open, feedOk, T0 + 1000);
    expect(state).toMatchObject({
      flagIds: ['a', 'b'],
      highestRisk: 'high',
      sound: { flag: 'high', escalated: false, feed: false },
    });
    // still sounding much later: the alarm repeats until acknowledged
    ({ state } = e.evaluate(open, feedOk, T0 + 30_000));
    expect(state.sound.flag).toBe('high');
    open[1] = { ...open[1]!, state: 'acknowledged' };
    ({ state } = e.evaluate(open, feedOk, T0 + 31_000));
    expect(state.sound.flag).toBe('elevated');
    open[0] = { ...open[0]!, state: 'acknowledged' };
    expect(e.evaluate(open, feedOk, T0 + 32_000).state.sound).toEqual({
      flag: null,
      escalated: false,
      feed: false,
    });
  });

  it('sounds again for an acknowledged flag whose risk the platform raised', () => {
    const e = engine();
    const open = [item('r', { state: 'acknowledged', risk: 'imminent', riskRaisePending: true })];
    expect(e.evaluate(open, feedOk, T0 + 1000).state).toMatchObject({
      flagIds: ['r'],
      sound: { flag: 'imminent' },
    });
  });

  it('escalates after 60 s for imminent, 120 s for high, 300 s for elevated, and logs it once', () => {
    const e = engine();
    const open = [
      item('i', { risk: 'imminent' }),
      item('h', { risk: 'high' }),
      item('e', { risk: 'elevated' }),
    ];
    expect(e.evaluate(open, feedOk, T0 + 59_999).state.escalatedIds).toEqual([]);
    const at60 = e.evaluate(open, feedOk, T0 + 60_000);
    expect(at60.state.escalatedIds).toEqual(['i']);
    expect(at60.state.sound).toMatchObject({ flag: 'imminent', escalated: true });
    expect(at60.log).toEqual([
      expect.objectContaining({ kind: 'escalated', detail: { flagId: 'i', risk: 'imminent' } }),
    ]);
    expect(e.evaluate(open, feedOk, T0 + 61_000).log).toEqual([]);
    expect(e.evaluate(open, feedOk, T0 + 120_000).state.escalatedIds).toEqual(['h', 'i']);
    expect(e.evaluate(open, feedOk, T0 + 300_000).state.escalatedIds).toEqual(['e', 'h', 'i']);
  });

  it('silences with a reason for a limited time, never over an unacknowledged imminent flag', () => {
    const e = engine();
    const imminent = [item('i', { risk: 'imminent' })];
    expect(() => e.startSilence('Op', 'drill in progress', 5, imminent, T0)).toThrow(/can never be silenced/);

    const open = [item('h', { risk: 'high' })];
    const entry = e.startSilence('Op', 'known feed outage', 5, open, T0);
    expect(entry).toMatchObject({
      kind: 'silence',
      actor: 'Op',
      detail: { reason: 'known feed outage', minutes: 5 },
    });
    let { state } = e.evaluate(open, { alarm: true, state: 'down' }, T0 + 1000);
    expect(state.silence).toMatchObject({ by: 'Op', untilMs: T0 + 300_000 });
    expect(state.sound).toEqual({ flag: null, escalated: false, feed: false });
    expect(state.flagIds).toEqual(['h']); // silenced is not suppressed: the flag still waits

    // An imminent flag arriving during a silence sounds anyway.
    ({ state } = e.evaluate([...open, item('i2', { risk: 'imminent' })], feedOk, T0 + 2000));
    expect(state.sound.flag).toBe('imminent');

    const expired = e.evaluate(open, feedOk, T0 + 300_000);
    expect(expired.log.map((l) => l.kind)).toContain('silence_expired');
    expect(expired.state.silence).toBeNull();
    expect(expired.state.sound.flag).toBe('high');
  });

  it('cancels a silence and logs who did', () => {
    const e = engine();
    e.startSilence('Op', 'known feed outage', 5, [], T0);
    expect(e.cancelSilence('Sup', T0 + 10)).toMatchObject({ kind: 'silence_cancelled', actor: 'Sup' });
    expect(e.cancelSilence('Sup', T0 + 20)).toBeNull();
  });

  it('enters a flood at more than 10 new flags in 10 minutes and leaves it below 5', () => {
    const e = engine();
    const open = Array.from({ length: 11 }, (_, i) => item(`f${i}`, { risk: i === 0 ? 'imminent' : 'high' }));
    e.recordArrivals(T0, 10);
    expect(e.evaluate(open, feedOk, T0 + 1000).state.flood.active).toBe(false);
    e.recordArrivals(T0 + 60_000, 1);
    const flood = e.evaluate(open, feedOk, T0 + 61_000);
    expect(flood.state.flood).toEqual({ active: true, sinceMs: T0 + 61_000, arrivalsLast10Min: 11 });
    expect(flood.state.sound.flag).toBe('flood'); // one grouped tone, not a cacophony
    expect(flood.state.flagIds).toHaveLength(11); // every flag still needs its own acknowledgement
    expect(flood.log.map((l) => l.kind)).toContain('flood_start');
    // 10 minutes on, the first ten have aged out: 1 in the window, below 5 → flood over.
    const over = e.evaluate(open, feedOk, T0 + 600_001);
    expect(over.state.flood.active).toBe(false);
    expect(over.log).toContainEqual(
      expect.objectContaining({ kind: 'flood_end', detail: { durationMs: 600_001 - 61_000 } }),
    );
  });

  it('stays in flood between 5 and 10 arrivals (hysteresis)', () => {
    const e = engine();
    e.recordArrivals(T0, 11);
    expect(e.evaluate([], feedOk, T0).state.flood.active).toBe(true);
    e.recordArrivals(T0 + 300_000, 6);
    expect(e.evaluate([], feedOk, T0 + 600_001).state.flood).toMatchObject({
      active: true,
      arrivalsLast10Min: 6,
    });
  });

  it('plays the feed tone for feed alarms and logs their start and end', () => {
    const e = engine();
    const down = e.evaluate([], { alarm: true, state: 'silent' }, T0);
    expect(down.state.sound).toEqual({ flag: null, escalated: false, feed: true });
    expect(down.log).toEqual([
      expect.objectContaining({ kind: 'feed_alarm_start', detail: { feedState: 'silent' } }),
    ]);
    expect(e.evaluate([], feedOk, T0 + 1).log.map((l) => l.kind)).toEqual(['feed_alarm_end']);
  });

  it('is too quiet when the feed answers but nothing has come for longer than the threshold', () => {
    const e = engine();
    e.setQuietThreshold(HOUR_MS);
    expect(e.evaluate([], feedOk, T0 + HOUR_MS).state.tooQuiet.active).toBe(false);
    expect(e.evaluate([], feedOk, T0 + HOUR_MS + 1).state.tooQuiet).toEqual({
      active: true,
      lastArrivalMs: T0,
      thresholdMs: HOUR_MS,
    });
    expect(e.evaluate([], { alarm: true, state: 'down' }, T0 + HOUR_MS + 1).state.tooQuiet.active).toBe(
      false,
    );
    e.recordArrivals(T0 + 2 * HOUR_MS, 1);
    expect(e.evaluate([], feedOk, T0 + 2 * HOUR_MS).state.tooQuiet.active).toBe(false);
  });
});

describe('too-quiet threshold', () => {
  const cfg = DEFAULT_ALARM_CONFIG.tooQuiet;
  const now = Date.parse('2026-11-25T02:30:00+05:30'); // Wednesday 02:30 IST → hour of week 50
  const week = 168 * HOUR_MS;

  it('uses a sane default before a week of history', () => {
    expect(
      tooQuietThresholdMs({ firstMs: null, lastMs: null, byHourOfWeek: new Array(168).fill(0) }, now, cfg),
    ).toBe(4 * HOUR_MS);
    expect(
      tooQuietThresholdMs(
        { firstMs: now - 3 * 24 * HOUR_MS, lastMs: now, byHourOfWeek: new Array(168).fill(5) },
        now,
        cfg,
      ),
    ).toBe(4 * HOUR_MS);
  });

  it('learns from arrivals at this hour of the week: 3× the usual gap, within 30 min … 12 h', () => {
    const byHourOfWeek = new Array(168).fill(0);
    byHourOfWeek[50] = 8; // 8 flags at Wed 02:00–03:00 over 4 weeks = 2 per hour → 30 min gap
    const stats = { firstMs: now - 4 * week, lastMs: now, byHourOfWeek };
    expect(tooQuietThresholdMs(stats, now, cfg)).toBe(90 * 60_000);
    byHourOfWeek[50] = 400; // very busy hour: clamped to 30 min
    expect(tooQuietThresholdMs(stats, now, cfg)).toBe(30 * 60_000);
    byHourOfWeek[50] = 0; // never a flag at this hour: the longest
    expect(tooQuietThresholdMs(stats, now, cfg)).toBe(12 * HOUR_MS);
  });
});
