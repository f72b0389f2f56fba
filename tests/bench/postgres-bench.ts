// PostgreSQL store figures, each against a baseline measured in the same run on the same server:
//   bare        the same rows (flags + their personal row, personal fields as plain bytes) INSERTed in
//               the same pages, nothing else: no parsing, validation, duplicate check, revision
//               history, events, change feed or audit
//   bare sealed the same, with the personal fields sealed (AES-256-GCM): the cost of field encryption
//   pipeline    the whole ingest path: JSON page → validate → route → commitPage
//   cold start  open (connect, key check, unwrap the data keys) → the open queue, over N stored flags
//               seeded server-side (INSERT … SELECT generate_series, one statement: no COPY needed)
import crypto from 'node:crypto';
import pg from 'pg';
import { prepareRecords } from '../../electron/main/core/ingest/prepare-records';
import { seededRandom, syntheticFlag } from '../../electron/main/core/simulator/synthetic-flags';
import { openPostgresStore } from '../../electron/main/core/store/postgres/open-postgres';
import {
  columnsOf,
  flagInsertParams,
  INSERT_FLAG,
  sealedPersonal,
} from '../../electron/main/core/store/postgres/ingest-queries';
import type { Tx } from '../../electron/main/core/store/postgres/pg-db';
import { createTestDatabase } from '../helpers/test-pg';
import { findPostgres } from '../../scripts/find-postgres.mjs';

const PAGE = 100;

export interface PostgresFigures {
  flags: number;
  barePerS: number;
  bareSealedPerS: number;
  pipelinePerS: number;
  encryptionRatio: number;
  pipelineRatio: number;
  bareBatchedPerS: number;
  sealUsPerFlag: number;
  pipelineBatchedRatio: number;
  cold: { total: number; open: number; seedS: number; usableMs: number; queueMs: number }[];
}

export async function withServer<T>(fn: () => Promise<T>): Promise<T> {
  if (process.env.LIFELINE_TEST_PG_URL) return fn();
  const found = await findPostgres();
  if (!found.url) throw new Error(found.error);
  process.env.LIFELINE_TEST_PG_URL = found.url;
  try {
    return await fn();
  } finally {
    found.stop();
  }
}

export function benchPostgres(flags: number, coldTotals: number[], open: number): Promise<PostgresFigures> {
  return withServer(async () => {
    const random = seededRandom(7);
    const records = Array.from({ length: flags }, (_, i) =>
      syntheticFlag(random, i + 1, new Date(1_790_000_000_000 + i * 1000), 'b'),
    );
    const pages: string[] = [];
    for (let i = 0; i < flags; i += PAGE)
      pages.push(JSON.stringify({ flags: records.slice(i, i + PAGE), next_cursor: `c_${i + PAGE}` }));
    const prepared = records.map((r) => prepareRecords([r]).flags[0]!);

    const bare = async (sealed: boolean, batched = false) => {
      const database = await createTestDatabase();
      const { admin, db } = await openPostgresStore({
        url: database.url,
        key: crypto.randomBytes(32),
        createIfMissing: true,
      });
      try {
        const client = await db.pool.connect();
        const tx = { crypto: (await db.tx(async (t) => t)).crypto } as Tx;
        const started = performance.now();
        for (let i = 0; i < prepared.length; i += PAGE) {
          await client.query('BEGIN');
          if (batched) {
            // The page in two statements (as the pipeline writes new flags): the strictest baseline.
            const page = prepared.slice(i, i + PAGE);
            const params = page.map((r) => flagInsertParams(r.flag.id, columnsOf(tx, r), true, 'bench', 0));
            await client.query(
              `INSERT INTO flags (id, revision, status, flagged_at, flagged_at_ms, platform, category, risk, risk_rank,
                 district_key, route_outcome, unit_key, route_basis, route_confidence, route_candidates, subject_key,
                 training, source, received_at_ms, updated_at_ms)
               SELECT *, 0 FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::bigint[], $6::text[],
                 $7::text[], $8::text[], $9::int[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
                 $15::text[], $16::text[], $17::smallint[], $18::text[], $19::bigint[])`,
              Array.from({ length: 19 }, (_, k) => params.map((p) => p[k])),
            );
            const personal = page.map((r) => sealedPersonal(tx, r.flag.id, columnsOf(tx, r)));
            await client.query(
              `INSERT INTO flag_personal (flag_id, subject_sealed, content_sealed, location_sealed, institution_sealed, raw_sealed)
               SELECT * FROM unnest($1::text[], $2::bytea[], $3::bytea[], $4::bytea[], $5::bytea[], $6::bytea[])`,
              Array.from({ length: 6 }, (_, k) => personal.map((p) => p[k])),
            );
            await client.query('COMMIT');
            continue;
          }
          for (const record of prepared.slice(i, i + PAGE)) {
            const c = columnsOf(tx, record);
            await client.query(INSERT_FLAG, flagInsertParams(record.flag.id, c, true, 'bench', 0));
            const personal = sealed
              ? sealedPersonal(tx, record.flag.id, c)
              : [
                  record.flag.id,
                  c.subject_json,
                  c.content_json,
                  c.location_json,
                  c.institution,
                  c.raw_json,
                ].map((v) => (typeof v === 'string' && v !== record.flag.id ? Buffer.from(v) : v));
            await client.query(
              `INSERT INTO flag_personal (flag_id, subject_sealed, content_sealed, location_sealed, institution_sealed, raw_sealed)
               VALUES ($1, $2, $3, $4, $5, $6)`,
              personal,
            );
          }
          await client.query('COMMIT');
        }
        const ms = performance.now() - started;
        client.release();
        return ms;
      } finally {
        await admin.close();
        await database.drop();
      }
    };
    // The sealing alone, in process: what field encryption adds per flag, whatever the server.
    const sealUsPerFlag = await (async () => {
      const database = await createTestDatabase();
      const { admin, db } = await openPostgresStore({
        url: database.url,
        key: crypto.randomBytes(32),
        createIfMissing: true,
      });
      const tx = { crypto: (await db.tx(async (t) => t)).crypto } as Tx;
      const columns = prepared.map((r) => columnsOf(tx, r));
      const started = performance.now();
      for (const [i, r] of prepared.entries()) sealedPersonal(tx, r.flag.id, columns[i]!);
      const us = ((performance.now() - started) * 1000) / prepared.length;
      await admin.close();
      await database.drop();
      return us;
    })();
    const bareMs = await bare(false);
    const bareSealedMs = await bare(true);
    const bareBatchedMs = await bare(true, true);

    const database = await createTestDatabase();
    const { admin } = await openPostgresStore({
      url: database.url,
      key: crypto.randomBytes(32),
      createIfMissing: true,
    });
    let pipelineMs: number;
    try {
      const started = performance.now();
      for (const [i, body] of pages.entries()) {
        const page = JSON.parse(body) as { flags: unknown[]; next_cursor: string };
        await admin.commitPage({
          feedKey: 'bench',
          nextCursor: page.next_cursor,
          ...prepareRecords(page.flags),
          training: true,
          source: 'bench',
          receivedAtMs: i,
        });
      }
      pipelineMs = performance.now() - started;
    } finally {
      await admin.close();
      await database.drop();
    }

    const cold = [];
    for (const total of coldTotals) cold.push(await coldStart(total, open));
    const rate = (ms: number) => Math.round(flags / (ms / 1000));
    return {
      flags,
      barePerS: rate(bareMs),
      bareSealedPerS: rate(bareSealedMs),
      pipelinePerS: rate(pipelineMs),
      encryptionRatio: bareMs / bareSealedMs,
      pipelineRatio: bareSealedMs / pipelineMs,
      bareBatchedPerS: rate(bareBatchedMs),
      sealUsPerFlag,
      pipelineBatchedRatio: bareBatchedMs / pipelineMs,
      cold,
    };
  });
}

/** N flags stored (open of them still in the queue), then a fresh open to a usable queue. */
async function coldStart(total: number, open: number) {
  const database = await createTestDatabase();
  const key = crypto.randomBytes(32);
  const first = await openPostgresStore({ url: database.url, key, createIfMissing: true });
  await first.admin.close();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const every = Math.max(1, Math.floor(total / open));
  const seedStarted = performance.now();
  await client.query(
    `INSERT INTO flags (id, revision, status, flagged_at, flagged_at_ms, platform, category, risk, risk_rank,
       district_key, route_outcome, unit_key, route_basis, route_confidence, subject_key, training, source,
       received_at_ms, updated_at_ms, state, closed_at_ms, outcome, acknowledged_by, acknowledged_at_ms)
     SELECT 'fl_' || g, 1, 'active', '2026-01-01T00:00:00Z', 1790000000000 + g * 1000, 'instagram', 'suicide',
       (ARRAY['imminent','high','elevated'])[1 + g % 3], g % 3, 'kota', 'routed', 'kota-city', 'pincode', 'high',
       md5((g % 300000)::text), 0, 'feed', 1790000000000 + g * 1000, 1790000000000 + g * 1000,
       CASE WHEN g % $2::int = 0 THEN 'new' ELSE 'closed' END,
       CASE WHEN g % $2::int = 0 THEN NULL ELSE 1790000000000 + g * 1000 + 600000 END,
       CASE WHEN g % $2::int = 0 THEN NULL ELSE 'false_positive' END,
       CASE WHEN g % $2::int = 0 THEN NULL ELSE 'Op Bench' END,
       CASE WHEN g % $2::int = 0 THEN NULL ELSE 1790000000000 + g * 1000 + 60000 END
     FROM generate_series(1, $1::int) g`,
    [total, every],
  );
  await client.query('VACUUM ANALYZE flags');
  const seedS = (performance.now() - seedStarted) / 1000;
  await client.end();
  const started = performance.now();
  const again = await openPostgresStore({ url: database.url, key, createIfMissing: false });
  const queueStarted = performance.now();
  const queue = await again.admin.listOpenQueue(false);
  const usableMs = performance.now() - started;
  const queueMs = performance.now() - queueStarted;
  await again.admin.close();
  await database.drop();
  return { total, open: queue.length, seedS, usableMs, queueMs };
}
