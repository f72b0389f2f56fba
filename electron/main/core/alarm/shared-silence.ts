// The alarm's silence, one for the room: kept in the store, so a silence given at any core's desk
// silences every core's alarm and outlives a restart. The engine still decides (alarm-engine.ts);
// this keeps it following the store and writes its silence's start and end there, each with its
// alarm-log entry in one transaction (an expiry is logged once, by the first core to see it).
import type { AlarmState, QueueItem } from '../../../../shared/domain';
import type { AlarmLogEntry, Store } from '../store/store';
import type { AlarmEngine } from './alarm-engine';

export interface SharedSilence {
  start(by: string, reason: string, minutes: number, open: Iterable<QueueItem>, nowMs: number): Promise<void>;
  cancel(by: string, nowMs: number): Promise<void>;
  /** The engine takes the stored silence (on every refresh, and at start). */
  reload(): Promise<void>;
  /** The engine's log entries: a silence's expiry goes to the store with its end; the rest are returned. */
  expiries(entries: AlarmLogEntry[]): AlarmLogEntry[];
}

export function sharedSilence(
  store: Store,
  engine: () => AlarmEngine,
  log: (line: string) => void,
): SharedSilence {
  /** Bumped by each change made here: a reload read while one was under way is not applied. */
  let writes = 0;
  const apply = (silence: AlarmState['silence']) => engine().followSilence(silence);
  return {
    async start(by, reason, minutes, open, nowMs) {
      const before = engine().silenceNow();
      const entry = engine().startSilence(by, reason, minutes, open, nowMs);
      const silence = engine().silenceNow()!;
      writes++;
      try {
        await store.setAlarmSilence(silence, entry);
      } catch (error) {
        apply(before);
        throw error;
      }
    },
    async cancel(by, nowMs) {
      writes++;
      // Whatever silence the room has, even one this core has not yet read.
      const entry = engine().cancelSilence(by, nowMs) ?? {
        atMs: nowMs,
        kind: 'silence_cancelled' as const,
        actor: by,
        detail: {},
      };
      await store.setAlarmSilence(null, entry);
    },
    async reload() {
      const seen = writes;
      const stored = await store.getAlarmSilence();
      if (seen === writes) apply(stored);
    },
    expiries(entries) {
      for (const e of entries.filter((x) => x.kind === 'silence_expired')) {
        writes++;
        store
          .setAlarmSilence(null, e, e.detail.untilMs as number)
          .catch((error: unknown) => log(`silence end not written: ${(error as Error).name}`));
      }
      return entries.filter((x) => x.kind !== 'silence_expired');
    },
  };
}
