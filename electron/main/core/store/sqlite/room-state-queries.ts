// The room's state that every core shares (SQLite): holds on the flags being worked, and the alarm's
// silence. The rules are shared/room/stored-holds.ts's; each change is one IMMEDIATE transaction, so
// two processes deciding on the same flag take turns. Mirrors postgres/room-state-queries.ts.
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
import { appendAlarmLog } from './alarm-queries';
import { appendFlagEvent } from './flag-rows';
import type { SqliteDatabase } from './open-database';

const HOLD_COLUMNS = `flag_id AS flagId, name, desk, core, connection, since_ms AS sinceMs, seen_ms AS seenMs,
  release_at_ms AS releaseAtMs, taken_from AS takenFrom`;

export function listHolds(db: SqliteDatabase): StoredHold[] {
  return db.prepare<[], StoredHold>(`SELECT ${HOLD_COLUMNS} FROM room_holds ORDER BY flag_id`).all();
}

function holdOf(db: SqliteDatabase, id: string): StoredHold | null {
  return (
    db.prepare<[string], StoredHold>(`SELECT ${HOLD_COLUMNS} FROM room_holds WHERE flag_id = ?`).get(id) ??
    null
  );
}

function flagExists(db: SqliteDatabase, id: string): void {
  if (!db.prepare('SELECT 1 FROM flags WHERE id = ?').get(id))
    throw new ContractError('not_found', coded('flag.not_found', { id }), 'id');
}

function writeHold(db: SqliteDatabase, h: StoredHold): void {
  db.prepare(
    `INSERT OR REPLACE INTO room_holds (flag_id, name, desk, core, connection, since_ms, seen_ms, release_at_ms, taken_from)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(h.flagId, h.name, h.desk, h.core, h.connection, h.sinceMs, h.seenMs, h.releaseAtMs, h.takenFrom);
}

export function claimHold(
  db: SqliteDatabase,
  id: string,
  who: HoldClaim,
  nowMs: number,
  graceMs: number,
): { decision: HoldDecision; hold: StoredHold | null } {
  return db
    .transaction(() => {
      flagExists(db, id);
      const { decision, write } = claimStoredHold(id, holdOf(db, id), who, nowMs, graceMs);
      if (write) writeHold(db, write);
      return { decision, hold: holdOf(db, id) };
    })
    .immediate();
}

export function takeOverHold(
  db: SqliteDatabase,
  id: string,
  who: HoldClaim,
  nowMs: number,
  graceMs: number,
): { previous: StoredHold | null; hold: StoredHold } | null {
  return db
    .transaction(() => {
      flagExists(db, id);
      const previous = holdOf(db, id);
      const taken = takeOverStoredHold(id, previous, who, nowMs, graceMs);
      if (!taken) return null;
      writeHold(db, taken.write);
      // In the flag's history, which the audit trail copies: who took it, from whom, at which desks.
      if (taken.event) appendFlagEvent(db, id, nowMs, 'taken_over', who.name, taken.event);
      return { previous, hold: taken.write };
    })
    .immediate();
}

export function releaseHold(
  db: SqliteDatabase,
  id: string,
  owner: { core: string; connection: string } | null,
): boolean {
  const result = owner
    ? db
        .prepare('DELETE FROM room_holds WHERE flag_id = ? AND core = ? AND connection = ?')
        .run(id, owner.core, owner.connection)
    : db.prepare('DELETE FROM room_holds WHERE flag_id = ?').run(id);
  return result.changes > 0;
}

export function leaveHolds(
  db: SqliteDatabase,
  core: string,
  connection: string,
  releaseAtMs: number,
): string[] {
  return db
    .prepare<[number, string, string], { flagId: string }>(
      `UPDATE room_holds SET release_at_ms = ? WHERE core = ? AND connection = ? AND release_at_ms IS NULL
       RETURNING flag_id AS flagId`,
    )
    .all(releaseAtMs, core, connection)
    .map((r) => r.flagId)
    .sort();
}

export function beatHolds(db: SqliteDatabase, core: string, nowMs: number): void {
  db.prepare('UPDATE room_holds SET seen_ms = ? WHERE core = ? AND release_at_ms IS NULL').run(nowMs, core);
}

export function expireHolds(db: SqliteDatabase, nowMs: number, graceMs: number): StoredHold[] {
  return db
    .transaction(() => {
      const gone = listHolds(db).filter((h) => storedHoldExpired(h, nowMs, graceMs));
      const exists = db.prepare<[string], { id: string }>('SELECT id FROM flags WHERE id = ?');
      for (const h of gone) {
        db.prepare('DELETE FROM room_holds WHERE flag_id = ?').run(h.flagId);
        if (exists.get(h.flagId))
          appendFlagEvent(db, h.flagId, nowMs, 'hold_released', 'system', {
            fromOperator: h.name,
            fromDesk: h.desk,
          });
      }
      return gone;
    })
    .immediate();
}

export function getAlarmSilence(db: SqliteDatabase): AlarmSilence | null {
  return (
    db
      .prepare<[], AlarmSilence>('SELECT silenced_by AS by, reason, until_ms AS untilMs FROM alarm_silence')
      .get() ?? null
  );
}

export function setAlarmSilence(
  db: SqliteDatabase,
  next: AlarmSilence | null,
  entry: AlarmLogEntry,
  untilMs?: number,
): boolean {
  return db
    .transaction(() => {
      if (next) {
        db.prepare(
          'INSERT OR REPLACE INTO alarm_silence (one, silenced_by, reason, until_ms) VALUES (1, ?, ?, ?)',
        ).run(next.by, next.reason, next.untilMs);
      } else {
        const ended =
          untilMs === undefined
            ? db.prepare('DELETE FROM alarm_silence').run()
            : db.prepare('DELETE FROM alarm_silence WHERE until_ms = ?').run(untilMs);
        if (ended.changes === 0) return false;
      }
      appendAlarmLog(db, [entry]);
      return true;
    })
    .immediate();
}
