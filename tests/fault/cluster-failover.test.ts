// Failover test (issue #19, part 3): two console cores, each in its own process, on one PostgreSQL,
// polling a feed that moves on and throws faults. The polling core is SIGKILLed at a random moment,
// 20 times; each time the other must take the feed within 10 s (from the kill to its own word that it
// polls), and the killed core is started again as the standby. At the end the store holds exactly
// the (id, revision) pairs the feed served: none lost, none applied twice; the audit chain verifies.
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyStore } from '../../electron/main/cli/verify';
import { openPostgresVerifier } from '../../electron/main/core/open-admin-store';
import { openPostgresStore } from '../../electron/main/core/store/postgres/open-postgres';
import { seededRandom } from '../../electron/main/core/simulator/synthetic-flags';
import {
  startSimulator,
  type FaultMode,
  type Simulator,
} from '../../electron/main/core/simulator/simulator-server';
import { createTestDatabase, type TestDatabase } from '../helpers/test-pg';
import { CorePair } from '../helpers/core-process';

const KILLS = Number(process.env.FAILOVER_KILLS ?? 20);
const MAX_TAKEOVER_MS = 10_000;
const random = seededRandom(Number(process.env.FAILOVER_SEED ?? 20261207)); // a failing run can be replayed
const TOKEN = 'failover-token';
const FAULTS: FaultMode[] = ['server_error', 'reset', 'truncated', 'non_json', 'rate_limited', 'unavailable'];

let sim: Simulator | undefined;
let db: TestDatabase | undefined;
let pair: CorePair | undefined;
afterAll(async () => {
  await pair?.killAll();
  await sim?.close();
  await db?.drop();
});

const killAfter = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('failover between two cores on one PostgreSQL', () => {
  it(
    `takes over within 10 s after each of ${KILLS} SIGKILLs, losing and duplicating nothing`,
    { timeout: 600_000 },
    async () => {
      db = await createTestDatabase();
      const keyHex = crypto.randomBytes(32).toString('hex');
      const made = await openPostgresStore({
        url: db.url,
        key: Buffer.from(keyHex, 'hex'),
        createIfMissing: true,
      });
      await made.admin.close();
      sim = await startSimulator({ token: TOKEN, seed: 7, runId: 'f', ratePerMinute: 0 });
      for (let i = 0; i < 400; i++) sim.step(); // new flags, redeliveries, revisions, withdrawals

      pair = new CorePair(db.url, sim.url, TOKEN, keyHex);
      await pair.begin('kota-1', 'hq-1');
      const takeovers: number[] = [];
      for (let i = 0; i < KILLS; i++) {
        for (let j = 0; j < 40; j++) sim.step(); // the feed moves on: the next core has pages to commit
        if (i % 3 === 1) sim.setFault(FAULTS[i % FAULTS.length]!, { count: 2 });
        // A random moment: mid-fetch, mid-commit, or idle between polls (the chaos schedule, not a wait).
        await killAfter(Math.floor(random() * 1500));
        takeovers.push(await pair.killPolling());
      }

      // The feed stands still; once the polling core's long poll waits at the end of the log, its
      // cursor is committed there.
      sim.setFault(null);
      await sim.whenWaiting();
      await pair.killAll();

      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const cursor = (
          await client.query<{ cursor: string }>("SELECT cursor FROM feed_cursors WHERE feed_key = 'default'")
        ).rows[0]?.cursor;
        expect(cursor).toBe(`c_${sim.log.length}`);
        const stored = new Set(
          (
            await client.query<{ flag_id: string; revision: number }>(
              'SELECT flag_id, revision FROM flag_revisions',
            )
          ).rows.map((r) => `${r.flag_id}@${r.revision}`),
        );
        const served = new Set(
          (sim.log as { id?: string; revision?: number }[])
            .filter((f) => typeof f.id === 'string')
            .map((f) => `${f.id}@${f.revision}`),
        );
        const lost = [...served].filter((k) => !stored.has(k)).length;
        const extra = [...stored].filter((k) => !served.has(k)).length;
        // Each (flag, revision) applied once: received once per flag, revised once per revision.
        const receivedTwice = (
          await client.query(
            "SELECT flag_id FROM flag_events WHERE kind = 'received' GROUP BY flag_id HAVING count(*) > 1",
          )
        ).rowCount;
        const revisedTwice = (
          await client.query(
            `SELECT flag_id FROM flag_events WHERE kind = 'revised'
           GROUP BY flag_id, detail_audit::json->>'to' HAVING count(*) > 1`,
          )
        ).rowCount;
        const duplicated = extra + (receivedTwice ?? 0) + (revisedTwice ?? 0);
        const sorted = [...takeovers].sort((a, b) => a - b);
        console.log(
          `failover: ${takeovers.length} takeovers, median ${Math.round(sorted[sorted.length >> 1]!)} ms, max ${Math.round(sorted.at(-1)!)} ms; ` +
            `${served.size} served, ${lost} lost, ${duplicated} duplicated`,
        );
        expect(takeovers).toHaveLength(KILLS);
        expect(Math.max(...takeovers)).toBeLessThanOrEqual(MAX_TAKEOVER_MS);
        expect(served.size).toBeGreaterThan(400);
        expect(lost).toBe(0);
        expect(duplicated).toBe(0);
      } finally {
        await client.end();
      }
      const { verifier } = await openPostgresVerifier(db.url, Buffer.from(keyHex, 'hex'));
      try {
        expect(await verifyStore(verifier)).toMatchObject({ ok: true });
      } finally {
        await verifier.close();
      }
    },
  );
});
