// The database's data keys, wrapped by a key derived from the console key (field-crypto.ts): made
// with the database, checked on every open before anything else, rotated on demand. Rotation adds a
// new data key that seals from then on; `reencryptFields` then moves every sealed value onto it, and
// only after that may older keys be dropped (`dropUnusedKeys`): until then they stay, wrapped, so
// everything sealed earlier still opens.
import crypto from 'node:crypto';
import type pg from 'pg';
import { ContractError } from '../../../../../shared/errors';
import { ConsoleKeyDerivation, FieldCrypto, keyIdOf } from './field-crypto';

/** Whether this database has its keyring yet (false: made by `migrate` but never opened with a key). */
export async function hasKeyring(client: pg.ClientBase): Promise<boolean> {
  const r = await client.query('SELECT 1 FROM key_check');
  return (r.rowCount ?? 0) > 0;
}

/** Makes the keyring for a new database: salt, verifier, data key 1. In the caller's transaction. */
export async function createKeyring(client: pg.ClientBase, consoleKey: Buffer, atMs: number): Promise<void> {
  const derivation = ConsoleKeyDerivation.fresh(consoleKey);
  await client.query('INSERT INTO key_check (salt, verifier, created_at_ms) VALUES ($1, $2, $3)', [
    derivation.salt,
    derivation.verifier(),
    atMs,
  ]);
  await client.query('INSERT INTO data_keys (key_id, wrapped, created_at_ms) VALUES (1, $1, $2)', [
    derivation.wrap(1, crypto.randomBytes(32)),
    atMs,
  ]);
}

/** The console key checked against the stored verifier, then the data keys unwrapped (memory only). */
export async function loadFieldCrypto(client: pg.ClientBase, consoleKey: Buffer): Promise<FieldCrypto> {
  const check = await client.query<{ salt: Buffer; verifier: Buffer }>(
    'SELECT salt, verifier FROM key_check',
  );
  const stored = check.rows[0];
  if (!stored)
    throw new ContractError(
      'not_found',
      'This PostgreSQL database has no console keyring yet: run `lifeline migrate --init` with the console key first.',
    );
  const derivation = new ConsoleKeyDerivation(consoleKey, stored.salt);
  derivation.assertMatches(stored);
  const rows = await client.query<{ key_id: number; wrapped: Buffer }>(
    'SELECT key_id, wrapped FROM data_keys ORDER BY key_id',
  );
  const keys = new Map(rows.rows.map((r) => [r.key_id, derivation.unwrap(r.key_id, r.wrapped)]));
  const active = Math.max(...keys.keys());
  return new FieldCrypto(keys, active, derivation.subjectKey);
}

/** A new data key that seals from now on; older keys stay for reading. Returns its id. */
export async function rotateDataKey(
  client: pg.ClientBase,
  consoleKey: Buffer,
  atMs: number,
): Promise<number> {
  const crypto0 = await loadFieldCrypto(client, consoleKey);
  const check = await client.query<{ salt: Buffer }>('SELECT salt FROM key_check');
  const derivation = new ConsoleKeyDerivation(consoleKey, check.rows[0]!.salt);
  const keyId = crypto0.activeKeyId + 1;
  await client.query('INSERT INTO data_keys (key_id, wrapped, created_at_ms) VALUES ($1, $2, $3)', [
    keyId,
    derivation.wrap(keyId, crypto.randomBytes(32)),
    atMs,
  ]);
  return keyId;
}

// Rows whose key is made by the database (an identity) are bound to what the core knows before the insert.
const DISPATCH_KEY = "flag_id || '|' || dispatched_at_ms";

/**
 * Every sealed column, with how its associated data is made from the row: the one list that
 * re-encryption (and the canary's reasoning) goes by. A column added sealed must be listed here.
 */
export const SEALED_COLUMNS: readonly { table: string; key: string; column: string; aad: string }[] = [
  { table: 'flag_personal', key: 'flag_id', column: 'subject_sealed', aad: 'flag_personal.subject_json' },
  { table: 'flag_personal', key: 'flag_id', column: 'content_sealed', aad: 'flag_personal.content_json' },
  { table: 'flag_personal', key: 'flag_id', column: 'location_sealed', aad: 'flag_personal.location_json' },
  { table: 'flag_personal', key: 'flag_id', column: 'institution_sealed', aad: 'flag_personal.institution' },
  { table: 'flag_personal', key: 'flag_id', column: 'raw_sealed', aad: 'flag_personal.raw_json' },
  { table: 'quarantine', key: 'raw_sha256', column: 'raw_sealed', aad: 'quarantine.raw_text' },
  { table: 'dispatches', key: DISPATCH_KEY, column: 'reason_sealed', aad: 'dispatches.reason' },
  { table: 'dispatches', key: DISPATCH_KEY, column: 'called_sealed', aad: 'dispatches.called' },
  {
    table: 'dispatches',
    key: DISPATCH_KEY,
    column: 'unit_reference_sealed',
    aad: 'dispatches.unit_reference',
  },
  // The officers a district control room sent (names it typed): sealed, unlike SQLite's clear column.
  { table: 'dispatches', key: DISPATCH_KEY, column: 'officers_sealed', aad: 'dispatches.officers' },
  { table: 'follow_ups', key: "flag_id || '/' || sequence", column: 'note_sealed', aad: 'follow_ups.note' },
  { table: 'handovers', key: 'shift_id', column: 'summary_sealed', aad: 'handovers.summary_json' },
  { table: 'handovers', key: 'shift_id', column: 'notes_sealed', aad: 'handovers.notes' },
  {
    table: 'request_results',
    key: 'request_id',
    column: 'result_sealed',
    aad: 'request_results.result_json',
  },
  { table: 'alarm_log', key: "at_ms || '|' || kind", column: 'detail_sealed', aad: 'alarm_log.detail_json' },
  { table: 'alarm_silence', key: 'until_ms', column: 'reason_sealed', aad: 'alarm_silence.reason' },
  {
    table: 'flag_events',
    key: "flag_id || '|' || at_ms || '|' || kind",
    column: 'detail_sealed',
    aad: 'flag_events.detail_json',
  },
];

/**
 * Re-seals every value not under the active key (after a rotation), in batches of `batch` rows per
 * transaction. Append-only tables (flag_events, alarm_log) and signed handovers cannot be rewritten:
 * their values stay under the key they were sealed with, which is therefore kept. Returns the counts.
 */
export async function reencryptFields(
  pool: pg.Pool,
  consoleKey: Buffer,
  batch = 500,
): Promise<{ rewritten: number; keptUnderOldKeys: number }> {
  let rewritten = 0;
  let kept = 0;
  const appendOnly = new Set(['flag_events', 'alarm_log', 'handovers']);
  for (const c of SEALED_COLUMNS) {
    for (;;) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const fc = await loadFieldCrypto(client, consoleKey);
        const rows = await client.query<{ k: string; v: Buffer }>(
          `SELECT (${c.key})::text AS k, ${c.column} AS v FROM ${c.table}
           WHERE ${c.column} IS NOT NULL AND substring(${c.column} from 2 for 4) <> $1 LIMIT $2 FOR UPDATE`,
          [keyIdBytes(fc.activeKeyId), batch],
        );
        if (appendOnly.has(c.table)) {
          kept += rows.rowCount ?? 0;
          await client.query('ROLLBACK');
          break;
        }
        for (const r of rows.rows) {
          const aad = `${c.aad}|${r.k}`;
          const plain = fc.open(r.v, aad);
          await client.query(`UPDATE ${c.table} SET ${c.column} = $1 WHERE (${c.key})::text = $2`, [
            fc.seal(plain, aad),
            r.k,
          ]);
        }
        await client.query('COMMIT');
        rewritten += rows.rowCount ?? 0;
        if ((rows.rowCount ?? 0) < batch) break;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    }
  }
  return { rewritten, keptUnderOldKeys: kept };
}

function keyIdBytes(keyId: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(keyId);
  return b;
}

export { keyIdOf };
