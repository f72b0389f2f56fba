// A whole purge (as `lifeline purge` runs it): the store erases in batches (one short transaction
// each, so the one writer is never held long), and this calls again until nothing due is left,
// adding up what each batch did. Through the Store, so it runs the same on any engine.
import type { PurgeResult, Store } from '../store/store';

export interface PurgeTotals {
  flags: number;
  rows: number;
  events: number;
  notes: number;
  /** The last batch's result: cutoff, deferred, quarantine and WAL as it left them. */
  last: PurgeResult;
}

export async function purgeUntilDone(
  store: Pick<Store, 'purgePersonal'>,
  olderThanMs: number,
  nowMs: number,
  by: string,
): Promise<PurgeTotals> {
  const totals = { flags: 0, rows: 0, events: 0, notes: 0 };
  let r: PurgeResult;
  do {
    r = await store.purgePersonal(olderThanMs, nowMs, by);
    totals.flags += r.flagsErased;
    totals.rows += r.personalRowsDeleted;
    totals.events += r.eventsRedacted;
    totals.notes += r.notesErased;
  } while (r.more);
  return { ...totals, last: r };
}
