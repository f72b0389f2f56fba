// The room's alarm policy as a pure state machine over time (ISA-18.2 / EEMUA 191 adapted to the
// fact that every flag may be a life). One place decides what sounds; the renderers only play it.
// - every new, active, unacknowledged flag keeps its alarm sounding until a desk acknowledges it;
// - unacknowledged past its risk's time, it escalates;
// - an operator may silence the audible part for a limited time with a reason, never while an
//   unacknowledged imminent flag waits; silence expires by itself;
// - more than 10 new flags in 10 minutes is a flood: one grouped tone, until fewer than 5;
// - the feed answering but no flag for far longer than usual at this hour is "too quiet".
import { coded, ContractError } from '../../../../shared/errors';
import {
  RISK_RANK,
  type AlarmState,
  type FeedHealth,
  type QueueItem,
  type Risk,
} from '../../../../shared/domain';
import { awaitsAcknowledgement } from '../../../../shared/acknowledgement';
import { HOUR_MS, istHourOfWeek } from '../../../../shared/time/ist';
import type { AlarmLogEntry, ArrivalStats } from '../store/store';
import type { AlarmConfig } from './alarm-config';

/** New and unacknowledged, or its risk raised by the platform since the room acknowledged it. */
export function isAlarming(item: QueueItem): boolean {
  return awaitsAcknowledgement(item) && item.status === 'active';
}

/** Sent to a unit that has not confirmed within the target. */
export function isUnconfirmed(item: QueueItem, nowMs: number, afterMs: number): boolean {
  const d = item.dispatch;
  return item.state === 'dispatched' && d !== null && d.confirmedAtMs === null && nowMs - d.atMs >= afterMs;
}

/** How long without a new flag counts as too quiet now, learned from past arrivals at this hour. */
export function tooQuietThresholdMs(
  stats: ArrivalStats,
  nowMs: number,
  config: AlarmConfig['tooQuiet'],
): number {
  if (stats.firstMs === null || nowMs - stats.firstMs < config.minHistoryMs) return config.defaultMs;
  const weeks = Math.min(config.historyMs, nowMs - stats.firstMs) / (168 * HOUR_MS);
  const perHour = stats.byHourOfWeek[istHourOfWeek(nowMs)]! / weeks;
  if (perHour <= 0) return config.maxMs;
  return Math.min(config.maxMs, Math.max(config.minMs, (config.factor * HOUR_MS) / perHour));
}

export class AlarmEngine {
  private arrivals: number[] = [];
  private floodSince: number | null = null;
  private noDeskSince: number | null = null;
  private silence: AlarmState['silence'] = null;
  private escalated = new Set<string>();
  private unconfirmed = new Set<string>();
  private feedAlarm = false;
  private quietThresholdMs: number;

  constructor(
    private readonly config: AlarmConfig,
    private lastArrivalMs: number | null,
  ) {
    this.quietThresholdMs = config.tooQuiet.defaultMs;
  }

  recordArrivals(atMs: number, count: number): void {
    for (let i = 0; i < count; i++) this.arrivals.push(atMs);
    if (count > 0) this.lastArrivalMs = atMs;
  }

  setQuietThreshold(ms: number): void {
    this.quietThresholdMs = ms;
  }

  startSilence(
    by: string,
    reason: string,
    minutes: number,
    open: Iterable<QueueItem>,
    nowMs: number,
  ): AlarmLogEntry {
    const imminent = [...open].filter((i) => isAlarming(i) && i.risk === 'imminent');
    if (imminent.length > 0) {
      throw new ContractError('conflict', coded('alarm.imminent_waiting', { caseNo: imminent[0]!.caseNo }));
    }
    this.silence = { untilMs: nowMs + minutes * 60_000, reason, by };
    return { atMs: nowMs, kind: 'silence', actor: by, detail: { reason, minutes } };
  }

  /** The silence in force here (the store keeps the room's: core/alarm/shared-silence.ts). */
  silenceNow(): AlarmState['silence'] {
    return this.silence;
  }

  /**
   * The room's silence as the store has it (given at any core's desk): this engine follows it. One
   * already past its time is taken too, so that evaluate() ends it and says so.
   */
  followSilence(silence: AlarmState['silence']): void {
    this.silence = silence ? { untilMs: silence.untilMs, reason: silence.reason, by: silence.by } : null;
  }

  cancelSilence(by: string, nowMs: number): AlarmLogEntry | null {
    if (!this.silence) return null;
    this.silence = null;
    return { atMs: nowMs, kind: 'silence_cancelled', actor: by, detail: {} };
  }

  /**
   * `room`, where the core serves a room of desks: whether a logged-on desk is connected. Flags open
   * with none is an alarm of its own ("no desk is receiving flags"), never silenced: a silence is
   * given at a desk, and there is none.
   */
  evaluate(
    open: Iterable<QueueItem>,
    feed: Pick<FeedHealth, 'alarm' | 'state'>,
    nowMs: number,
    room?: { deskReceiving: boolean },
  ) {
    const log: AlarmLogEntry[] = [];
    const entry = (kind: AlarmLogEntry['kind'], detail: Record<string, unknown> = {}) =>
      log.push({ atMs: nowMs, kind, actor: null, detail });

    const { flood, escalateAfterMs } = this.config;
    this.arrivals = this.arrivals.filter((t) => t > nowMs - flood.windowMs);
    const arrivals = this.arrivals.length;
    if (this.floodSince === null && arrivals > flood.enterAbove) {
      this.floodSince = nowMs;
      entry('flood_start', { arrivalsLast10Min: arrivals });
    } else if (this.floodSince !== null && arrivals < flood.exitBelow) {
      entry('flood_end', { durationMs: nowMs - this.floodSince });
      this.floodSince = null;
    }
    if (this.silence && nowMs >= this.silence.untilMs) {
      // Its end names it (untilMs), so the store logs it once whichever core sees it first.
      entry('silence_expired', { by: this.silence.by, untilMs: this.silence.untilMs });
      this.silence = null;
    }
    if (feed.alarm !== this.feedAlarm) {
      entry(feed.alarm ? 'feed_alarm_start' : 'feed_alarm_end', { feedState: feed.state });
      this.feedAlarm = feed.alarm;
    }

    const items = [...open];
    const waiting = items.filter(isAlarming);
    const unconfirmedNow = items.filter(
      (i) => isUnconfirmed(i, nowMs, this.config.reAlarmUnconfirmedAfterMs) && i.status === 'active',
    );
    for (const item of unconfirmedNow) {
      if (!this.unconfirmed.has(item.id))
        entry('dispatch_unconfirmed', { flagId: item.id, risk: item.risk, unitKey: item.dispatch?.unitKey });
    }
    this.unconfirmed = new Set(unconfirmedNow.map((i) => i.id));
    // An unconfirmed dispatch sounds like a waiting flag of its risk: somebody must chase the unit.
    const alarming = [...waiting, ...unconfirmedNow];
    let highestRisk: Risk | null = null;
    for (const item of alarming)
      if (highestRisk === null || RISK_RANK[item.risk] < RISK_RANK[highestRisk]) highestRisk = item.risk;
    const escalatedNow = waiting.filter((i) => nowMs - i.receivedAtMs >= escalateAfterMs[i.risk]);
    for (const item of escalatedNow) {
      if (!this.escalated.has(item.id)) entry('escalated', { flagId: item.id, risk: item.risk });
    }
    this.escalated = new Set(escalatedNow.map((i) => i.id));

    const imminentWaiting = waiting.some((i) => i.risk === 'imminent');
    const silenced = this.silence !== null;
    let flagSound: AlarmState['sound']['flag'] =
      alarming.length === 0 ? null : this.floodSince !== null ? 'flood' : highestRisk;
    if (silenced && !imminentWaiting) flagSound = null;
    const quietFor = nowMs - (this.lastArrivalMs ?? nowMs);

    const noDeskNow = room !== undefined && !room.deskReceiving && items.length > 0;
    if (noDeskNow && this.noDeskSince === null) {
      this.noDeskSince = nowMs;
      entry('no_desk_start', { openFlags: items.length });
    } else if (!noDeskNow && this.noDeskSince !== null) {
      entry('no_desk_end', { durationMs: nowMs - this.noDeskSince });
      this.noDeskSince = null;
    }

    const state: AlarmState = {
      flagIds: waiting.map((i) => i.id).sort(),
      highestRisk,
      escalatedIds: [...this.escalated].sort(),
      unconfirmedIds: [...this.unconfirmed].sort(),
      feedAlarm: feed.alarm,
      flood: { active: this.floodSince !== null, sinceMs: this.floodSince, arrivalsLast10Min: arrivals },
      silence: this.silence,
      tooQuiet: {
        active: (feed.state === 'ok' || feed.state === 'degraded') && quietFor > this.quietThresholdMs,
        lastArrivalMs: this.lastArrivalMs,
        thresholdMs: this.quietThresholdMs,
      },
      sound: {
        flag: flagSound,
        escalated: flagSound !== null && escalatedNow.length > 0,
        feed: feed.alarm && !silenced,
      },
      ...(room ? { noDesk: { active: this.noDeskSince !== null, sinceMs: this.noDeskSince } } : {}),
    };
    return { state, log };
  }
}

export function sameAlarmState(a: AlarmState, b: AlarmState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
