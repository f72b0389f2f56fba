// The PostgreSQL engine's connection handling: a pool, and every store method as ONE transaction on
// one pooled client (tx). What must be in commit order is done at the end of that transaction under
// one advisory transaction lock (COMMIT_ORDER_LOCK), held until COMMIT:
// - the audit trail: entries gathered during the transaction are chained here (seq, prev_hash, hash
//   computed in JavaScript by audit-hash.ts), so the chain is appended in commit order by any number
//   of cores and connections;
// - the change feed: each flag changed gets a position (flag_changes.pos) taken under the same lock,
//   so positions are in commit order and a reader that sees position N has seen every change below N;
// - the place where part 3's NOTIFY goes: pg_notify inside the transaction is delivered at COMMIT.
import pg from 'pg';
import { auditAtText, auditHash, GENESIS_PREV_HASH } from '../audit-hash';
import type { AuditInput } from '../audit-entries';
import { auditDetailJson } from '../../../../../shared/audit-detail';
import type { FieldCrypto } from './field-crypto';

/** pg_advisory_xact_lock key of the commit-ordered appends ("LIFELINE" as a number, arbitrary but fixed). */
export const COMMIT_ORDER_LOCK = 0x4c49_4645_4c49;
/** The channel other cores LISTEN on (part 3); the payload is the newest change position. */
export const CHANGES_CHANNEL = 'lifeline_changes';

// int8 (ms times, sequences) as numbers: every value here is below 2^53.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

// The entries themselves are built by ../audit-entries.ts, the same for SQLite.
export type { AuditInput } from '../audit-entries';

export type Row = Record<string, unknown>;

/** One transaction on one client, as the query files use it. */
export class Tx {
  readonly audits: AuditInput[] = [];
  readonly changed = new Map<string, boolean>();
  /** Room state other cores must pick up (holds, a silence) changed: NOTIFY them at commit. */
  wakeOthers = false;

  constructor(
    readonly client: pg.PoolClient,
    readonly crypto: FieldCrypto,
    readonly desk: string,
  ) {}

  async query<R extends Row = Row>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.client.query<R>(sql, params)).rows;
  }

  async one<R extends Row = Row>(sql: string, params: unknown[] = []): Promise<R | undefined> {
    return (await this.client.query<R>(sql, params)).rows[0];
  }

  async run(sql: string, params: unknown[] = []): Promise<number> {
    return (await this.client.query(sql, params)).rowCount ?? 0;
  }

  /** Audit entries (none for a null), chained at commit (as SQLite's audit_append chains in place). */
  audit(...entries: (AuditInput | null)[]): void {
    for (const entry of entries) if (entry) this.audits.push(entry);
  }

  /** Something other cores read on their refresh changed (not a flag): they are woken at commit. */
  notifyOtherCores(): void {
    this.wakeOthers = true;
  }

  /** A flag changed in this transaction: it goes on the change feed at commit. */
  flagChanged(id: string, received = false): void {
    this.changed.set(id, (this.changed.get(id) ?? false) || received);
  }
}

/** The trail's first entry ('audit.started'), written with the keyring of a new database. */
export async function appendFirstAuditEntry(
  client: pg.ClientBase,
  desk: string,
  atMs: number,
): Promise<void> {
  const entry = {
    seq: 1,
    at: auditAtText(atMs),
    at_ms: atMs,
    actor: 'system',
    desk,
    action: 'audit.started',
    target: null,
    outcome: 'ok',
    detail_json: JSON.stringify({ engine: 'postgres', schemaVersion: 1 }),
    prev_hash: GENESIS_PREV_HASH,
  };
  await client.query(
    `INSERT INTO audit_log (seq, at, at_ms, actor, desk, action, target, outcome, detail_json, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [...Object.values(entry), auditHash(entry)],
  );
}

export class PgDb {
  constructor(
    readonly pool: pg.Pool,
    private readonly fieldCrypto: () => FieldCrypto,
    readonly desk: string,
  ) {}

  static pool(config: pg.PoolConfig): pg.Pool {
    const pool = new pg.Pool({ max: 8, idleTimeoutMillis: 30_000, ...config, types });
    // An idle client's error (the server went away) must not crash the core: the next query fails instead.
    pool.on('error', () => {});
    return pool;
  }

  /**
   * Runs fn in one transaction. Read-only work uses REPEATABLE READ so every query sees one
   * snapshot (the change feed's horizon and its rows, a report's counts).
   */
  async tx<T>(fn: (tx: Tx) => Promise<T>, options: { readOnly?: boolean } = {}): Promise<T> {
    const client = await this.pool.connect();
    // A checked-out client's connection fault is emitted as 'error' on it (the pool listens only to
    // idle ones): without a listener it would end the process. The query in flight fails with it.
    const onError = () => {};
    client.on('error', onError);
    const tx = new Tx(client, this.fieldCrypto(), this.desk);
    try {
      await client.query(options.readOnly ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
      const result = await fn(tx);
      if (!options.readOnly) await this.appendInCommitOrder(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.off('error', onError);
      client.release();
    }
  }

  private async appendInCommitOrder(tx: Tx): Promise<void> {
    if (tx.wakeOthers && tx.changed.size === 0)
      await tx.run('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, 'state']);
    if (tx.audits.length === 0 && tx.changed.size === 0) return;
    await tx.run('SELECT pg_advisory_xact_lock($1)', [COMMIT_ORDER_LOCK]);
    if (tx.changed.size > 0) {
      const head = await tx.one<{ pos: number | null }>('SELECT max(pos) AS pos FROM flag_changes');
      const from = (head?.pos ?? 0) + 1;
      const ids = [...tx.changed.keys()];
      await tx.run(
        `INSERT INTO flag_changes (pos, flag_id, received)
         SELECT $1 + n - 1, id, received FROM unnest($2::text[], $3::boolean[]) WITH ORDINALITY AS c(id, received, n)`,
        [from, ids, ids.map((id) => tx.changed.get(id)!)],
      );
      await tx.run('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, String(from + ids.length - 1)]);
    }
    if (tx.audits.length > 0) {
      const head = await tx.one<{ seq: number; hash: string }>(
        'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
      );
      let seq = head?.seq ?? 0;
      let prev = head?.hash ?? GENESIS_PREV_HASH;
      const rows: unknown[][] = [];
      for (const a of tx.audits) {
        seq++;
        const entry = {
          seq,
          at: auditAtText(a.atMs),
          at_ms: a.atMs,
          actor: a.actor ?? 'system',
          desk: tx.desk,
          action: a.action,
          target: a.target,
          outcome: 'ok',
          detail_json: auditDetailJson(a.detailJson),
          prev_hash: prev,
        };
        prev = auditHash(entry);
        rows.push([
          entry.seq,
          entry.at,
          entry.at_ms,
          entry.actor,
          entry.desk,
          entry.action,
          entry.target,
          entry.outcome,
          entry.detail_json,
          entry.prev_hash,
          prev,
        ]);
      }
      const columns = Array.from({ length: 11 }, (_, i) => rows.map((r) => r[i]));
      await tx.run(
        `INSERT INTO audit_log (seq, at, at_ms, actor, desk, action, target, outcome, detail_json, prev_hash, hash)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[],
           $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])`,
        columns,
      );
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
