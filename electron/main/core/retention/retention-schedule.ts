// The retention schedule in the core: erase the personal fields of flags closed longer than the
// retention period at start, then every everyMs (store/retention-queries.ts says what is erased).
// A purge that fails is logged by name only (a SQLite message may quote stored data) and tried
// again at the next tick; the schedule never stops the console.
import { startPeriodic, type PeriodicJob } from '../periodic';
import type { Store } from '../store/store';
import { DEFAULT_RETENTION_MS } from './retention-policy';
import type { PurgeResult } from '../store/store-types';

export const DEFAULT_RETENTION_EVERY_MS = 3600_000;
/** The actor recorded on the schedule's personal_erased events and audit entries. */
export const RETENTION_ACTOR = 'system (retention)';

export interface RetentionOptions {
  /** How long after close personal fields are kept (default 90 days). */
  retentionMs?: number;
  /** How often to purge (default 1 h). */
  everyMs?: number;
  now?: () => number;
  /** One line per purge that erased something, or failed; counts only, never data. */
  log?: (line: string) => void;
}

/** runNow() resolves with the run's counts, or null when it failed (logged). */
export type RetentionSchedule = PeriodicJob<PurgeResult | null>;

export function startRetention(
  store: Pick<Store, 'purgePersonal'>,
  options: RetentionOptions = {},
): RetentionSchedule {
  const retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
  const everyMs = options.everyMs ?? DEFAULT_RETENTION_EVERY_MS;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.log(line));
  if (!(retentionMs >= 0)) throw new RangeError('retentionMs must be ≥ 0');
  if (!(everyMs > 0)) throw new RangeError('everyMs must be > 0');

  // A backlog goes in batches, each its own call to the store, so other work interleaves.
  const purgeAll = async (stopped: () => boolean): Promise<PurgeResult> => {
    let total = await store.purgePersonal(retentionMs, now(), RETENTION_ACTOR);
    while (total.more && !stopped()) {
      const next = await store.purgePersonal(retentionMs, now(), RETENTION_ACTOR);
      total = {
        ...next,
        flagsErased: total.flagsErased + next.flagsErased,
        personalRowsDeleted: total.personalRowsDeleted + next.personalRowsDeleted,
        eventsRedacted: total.eventsRedacted + next.eventsRedacted,
        notesErased: total.notesErased + next.notesErased,
        quarantineErased: total.quarantineErased + next.quarantineErased,
      };
    }
    return total;
  };

  return startPeriodic(
    (stopped) =>
      purgeAll(stopped).then(
        (result) => {
          if (result.flagsErased > 0 || result.quarantineErased > 0 || !result.walTruncated)
            log(
              `retention: erased personal fields of ${result.flagsErased} flags closed before ` +
                `${new Date(result.cutoffMs).toISOString()}, raw text of ${result.quarantineErased} ` +
                `quarantined records; ${result.deferred} wait for a check-in` +
                (result.walTruncated ? '' : '; the WAL could not be truncated yet (a reader held it)'),
            );
          return result;
        },
        (error: unknown) => {
          log(`retention: purge failed (${(error as Error)?.name ?? 'error'}); will try again`);
          return null;
        },
      ),
    everyMs,
  );
}
