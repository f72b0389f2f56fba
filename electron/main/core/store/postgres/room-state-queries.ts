// The room's state that every core shares, on PostgreSQL (as sqlite/room-state-queries.ts): holds on
// the flags being worked, and the alarm's silence. A change of a hold locks the flag's row, so two
// cores deciding on the same flag take turns; every change wakes the other cores at commit
// (tx.notifyOtherCores), which then read it on their refresh.
import { coded, ContractError } from '../../../../../shared/errors';
import type { HoldDecision } from '../../../../../shared/room/holds';
import {
  claimStoredHold,
  storedHoldExpired,
  takeOverStoredHold,
  type HoldClaim,
  type StoredHold,
} from '../../../../../shared/room/stored-holds';
import type { AlarmLogEntry, AlarmSilence } from '../store';
import { appendFlagEvent } from './pg-flag-rows';
import type { Tx } from './pg-db';
import { appendAlarmLog } from './shift-queries';

const HOLD_COLUMNS = `flag_id AS "flagId", name, desk, core, connection, since_ms AS "sinceMs",
  seen_ms AS "seenMs", release_at_ms AS "releaseAtMs", taken_from AS "takenFrom"`;

type HoldRow = StoredHold & Record<string, unknown>;

export async function listHolds(tx: Tx): Promise<StoredHold[]> {
  return tx.query<HoldRow>(`SELECT ${HOLD_COLUMNS} FROM room_holds ORDER BY flag_id`);
}

/** The flag's row locked for this transaction, and its hold as it stands. */
async function lockedHold(tx: Tx, id: string): Promise<StoredHold | null> {
  if (!(await tx.one('SELECT id FROM flags WHERE id = $1 FOR NO KEY UPDATE', [id])))
    throw new ContractError('not_found', coded('flag.not_found', { id }), 'id');
  return (await tx.one<HoldRow>(`SELECT ${HOLD_COLUMNS} FROM room_holds WHERE flag_id = $1`, [id])) ?? null;
}

async function writeHold(tx: Tx, h: StoredHold): Promise<void> {
  await tx.run(
    `INSERT INTO room_holds (flag_id, name, desk, core, connection, since_ms, seen_ms, release_at_ms, taken_from)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (flag_id) DO UPDATE SET name = excluded.name, desk = excluded.desk, core = excluded.core,
       connection = excluded.connection, since_ms = excluded.since_ms, seen_ms = excluded.seen_ms,
       release_at_ms = excluded.release_at_ms, taken_from = excluded.taken_from`,
    [h.flagId, h.name, h.desk, h.core, h.connection, h.sinceMs, h.seenMs, h.releaseAtMs, h.takenFrom],
  );
  tx.notifyOtherCores();
}

export async function claimHold(
  tx: Tx,
  id: string,
  who: HoldClaim,
  nowMs: number,
  graceMs: number,
): Promise<{ decision: HoldDecision; hold: StoredHold | null }> {
  const current = await lockedHold(tx, id);
  const { decision, write } = claimStoredHold(id, current, who, nowMs, graceMs);
  if (write) await writeHold(tx, write);
  return { decision, hold: write ?? current };
}

export async function takeOverHold(
  tx: Tx,
  id: string,
  who: HoldClaim,
  nowMs: number,
  graceMs: number,
): Promise<{ previous: StoredHold | null; hold: StoredHold } | null> {
  const previous = await lockedHold(tx, id);
  const taken = takeOverStoredHold(id, previous, who, nowMs, graceMs);
  if (!taken) return null;
  await writeHold(tx, taken.write);
  // In the flag's history, which the audit trail copies: who took it, from whom, at which desks.
  if (taken.event) await appendFlagEvent(tx, id, nowMs, 'taken_over', who.name, taken.event);
  return { previous, hold: taken.write };
}

export async function releaseHold(
  tx: Tx,
  id: string,
  owner: { core: string; connection: string } | null,
): Promise<boolean> {
  const n = owner
    ? await tx.run('DELETE FROM room_holds WHERE flag_id = $1 AND core = $2 AND connection = $3', [
        id,
        owner.core,
        owner.connection,
      ])
    : await tx.run('DELETE FROM room_holds WHERE flag_id = $1', [id]);
  if (n > 0) tx.notifyOtherCores();
  return n > 0;
}

export async function leaveHolds(
  tx: Tx,
  core: string,
  connection: string,
  releaseAtMs: number,
): Promise<string[]> {
  const rows = await tx.query<{ flag_id: string }>(
    `UPDATE room_holds SET release_at_ms = $1 WHERE core = $2 AND connection = $3 AND release_at_ms IS NULL
     RETURNING flag_id`,
    [releaseAtMs, core, connection],
  );
  if (rows.length > 0) tx.notifyOtherCores();
  return rows.map((r) => r.flag_id).sort();
}

/** Not a change the other cores need to hear of: they only look at seen_ms when it stops moving. */
export async function beatHolds(tx: Tx, core: string, nowMs: number): Promise<void> {
  await tx.run('UPDATE room_holds SET seen_ms = $1 WHERE core = $2 AND release_at_ms IS NULL', [nowMs, core]);
}

export async function expireHolds(tx: Tx, nowMs: number, graceMs: number): Promise<StoredHold[]> {
  // Locked, so a hold taken up again meanwhile (its desk back) is not removed under it.
  const rows = await tx.query<HoldRow>(`SELECT ${HOLD_COLUMNS} FROM room_holds ORDER BY flag_id FOR UPDATE`);
  const gone = rows.filter((h) => storedHoldExpired(h, nowMs, graceMs));
  if (gone.length === 0) return [];
  await tx.run('DELETE FROM room_holds WHERE flag_id = ANY($1::text[])', [gone.map((h) => h.flagId)]);
  const existing = new Set(
    (
      await tx.query<{ id: string }>('SELECT id FROM flags WHERE id = ANY($1::text[])', [
        gone.map((h) => h.flagId),
      ])
    ).map((r) => r.id),
  );
  for (const h of gone)
    if (existing.has(h.flagId))
      await appendFlagEvent(tx, h.flagId, nowMs, 'hold_released', 'system', {
        fromOperator: h.name,
        fromDesk: h.desk,
      });
  tx.notifyOtherCores();
  return gone;
}

const reasonAad = (untilMs: number) => `alarm_silence.reason|${untilMs}`;

export async function getAlarmSilence(tx: Tx): Promise<AlarmSilence | null> {
  const row = await tx.one<{ silenced_by: string; reason_sealed: Buffer; until_ms: number }>(
    'SELECT silenced_by, reason_sealed, until_ms FROM alarm_silence',
  );
  if (!row) return null;
  return {
    by: row.silenced_by,
    reason: tx.crypto.open(row.reason_sealed, reasonAad(row.until_ms)),
    untilMs: row.until_ms,
  };
}

export async function setAlarmSilence(
  tx: Tx,
  next: AlarmSilence | null,
  entry: AlarmLogEntry,
  untilMs?: number,
): Promise<boolean> {
  if (next) {
    await tx.run(
      `INSERT INTO alarm_silence (one, silenced_by, reason_sealed, until_ms) VALUES (true, $1, $2, $3)
       ON CONFLICT (one) DO UPDATE SET silenced_by = excluded.silenced_by,
         reason_sealed = excluded.reason_sealed, until_ms = excluded.until_ms`,
      [next.by, tx.crypto.seal(next.reason, reasonAad(next.untilMs)), next.untilMs],
    );
  } else {
    const ended =
      untilMs === undefined
        ? await tx.run('DELETE FROM alarm_silence')
        : await tx.run('DELETE FROM alarm_silence WHERE until_ms = $1', [untilMs]);
    if (ended === 0) return false;
  }
  await appendAlarmLog(tx, [entry]);
  tx.notifyOtherCores();
  return true;
}
