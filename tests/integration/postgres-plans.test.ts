// The PostgreSQL store's hot queries use their indexes at a realistic size (EXPLAIN after ANALYZE over
// 60,000 flags, 1 % open): the open queue, the change feed and a flag's detail never read the whole
// flags table. The check can fail: without the open queue's index the same EXPLAIN shows a Seq Scan.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../electron/main/core/store/postgres/open-postgres';
import {
  PG_CHANGED_SINCE_SQL,
  PG_OPEN_QUEUE_SQL,
} from '../../electron/main/core/store/postgres/queue-queries';
import { QUEUE_COLUMNS } from '../../electron/main/core/store/flag-row';
import { PG_REPORT_ROWS_SQL } from '../../electron/main/core/store/postgres/report-queries';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/test-pg';

const N = 60_000;
let database: TestDatabase;
let pool: pg.Pool;
let close: () => Promise<void>;

beforeAll(async () => {
  database = await createTestDatabase();
  const opened = await openPostgresStore({
    url: database.url,
    key: crypto.randomBytes(32),
    createIfMissing: true,
  });
  pool = opened.db.pool;
  close = () => opened.admin.close();
  await pool.query(
    `INSERT INTO flags (id, revision, status, flagged_at, flagged_at_ms, risk, risk_rank, training, source,
       received_at_ms, updated_at_ms, state, subject_key, closed_at_ms)
     SELECT 'fl_' || g, 1, 'active', '2026-01-01T00:00:00Z', g, (ARRAY['imminent','high','elevated'])[1 + g % 3], g % 3,
       0, 'feed', g, g, CASE WHEN g % 100 = 0 THEN 'new' ELSE 'closed' END, md5((g % 20000)::text),
       CASE WHEN g % 100 = 0 THEN NULL ELSE g END
     FROM generate_series(1, $1::int) g`,
    [N],
  );
  await pool.query(
    `INSERT INTO flag_changes (pos, flag_id, received) SELECT g, 'fl_' || g, true FROM generate_series(1, $1::int) g`,
    [N],
  );
  await pool.query(
    `INSERT INTO flag_events (flag_id, at_ms, kind, detail_audit) SELECT 'fl_' || g, g, 'received', '{}' FROM generate_series(1, $1::int) g`,
    [N],
  );
  await pool.query('ANALYZE');
}, 60_000);

afterAll(async () => {
  await close?.();
  await database?.drop();
});

async function plan(sql: string, params: unknown[], client: pg.PoolClient | pg.Pool = pool): Promise<string> {
  const r = await client.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  return JSON.stringify(r.rows[0]['QUERY PLAN']);
}
const seqScansOn = (planJson: string) =>
  [...planJson.matchAll(/"Node Type":"Seq Scan"[^}]*?"Relation Name":"(\w+)"/g)].map((m) => m[1]);

describe('PostgreSQL query plans of the hot queries', () => {
  it('the open queue reads its partial indexes, not the history', async () => {
    const p = await plan(PG_OPEN_QUEUE_SQL, [0]);
    expect(seqScansOn(p)).toEqual([]);
    expect(p).toContain('flags_open_queue');
  });

  it('the change feed reads a range of positions, then each flag by its id', async () => {
    const p = await plan(PG_CHANGED_SINCE_SQL, [N - 20, N, 0]);
    expect(seqScansOn(p)).toEqual([]);
    expect(p).toContain('flag_changes_pkey');
    expect(p).toContain('flags_id_key');
  });

  it("a flag's detail: the row by id, its events by flag, related flags by subject", async () => {
    for (const [sql, params] of [
      [`SELECT ${QUEUE_COLUMNS} FROM flags WHERE id = $1`, ['fl_500']],
      [
        'SELECT seq, at_ms, kind, actor, detail_audit, detail_sealed FROM flag_events WHERE flag_id = $1 ORDER BY seq',
        ['fl_500'],
      ],
      [
        `SELECT seq, id, risk, state, flagged_at_ms, outcome FROM flags
         WHERE subject_key = (SELECT subject_key FROM flags WHERE id = $1) AND id <> $1 ORDER BY flagged_at_ms DESC LIMIT 50`,
        ['fl_500'],
      ],
    ] as const) {
      expect(seqScansOn(await plan(sql, [...params]))).toEqual([]);
    }
  });

  it("a month's report reads its range off the received-time index", async () => {
    const p = await plan(PG_REPORT_ROWS_SQL, [N - 3000, N, 0, 24 * 3600_000]);
    expect(seqScansOn(p)).toEqual([]);
    expect(p).toContain('flags_by_received_at');
  });

  it('the check bites: without the open queue index the same query scans the flags table', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('DROP INDEX flags_open_queue');
      expect(seqScansOn(await plan(PG_OPEN_QUEUE_SQL, [0], client))).toContain('flags');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
