// `npm run bench`: ingest figures, each against a baseline measured in the same run.
//   plain      bare INSERTs into unencrypted SQLite (same schema, WAL, synchronous=FULL)
//   encrypted  the same bare INSERTs into the SQLCipher-format store
//   pipeline   the whole ingest path: JSON page → validate → commitPage (revision history, events)
// Prints a table and writes test-results/bench.json.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { prepareRecords } from '../../electron/main/core/ingest/prepare-records';
import { MIGRATIONS } from '../../electron/main/core/store/migrations';
import { SqliteStore } from '../../electron/main/core/store/sqlite-store';
import { seededRandom, syntheticFlag } from '../../electron/main/core/simulator/synthetic-flags';

const FLAGS = Number(process.env.BENCH_FLAGS ?? 20_000);
const PAGE = 100;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-bench-'));
const random = seededRandom(7);
const records = Array.from({ length: FLAGS }, (_, i) =>
  syntheticFlag(random, i + 1, new Date(1_790_000_000_000 + i * 1000), 'b'),
);
const pages: string[] = [];
for (let i = 0; i < FLAGS; i += PAGE)
  pages.push(
    JSON.stringify({ flags: records.slice(i, i + PAGE), next_cursor: `c_${i + PAGE}`, has_more: true }),
  );

function bareInsert(db: Database.Database): number {
  for (const m of MIGRATIONS) db.exec(m.sql);
  const insertFlag =
    db.prepare(`INSERT INTO flags (id, revision, status, flagged_at, flagged_at_ms, platform, category, risk,
    risk_rank, district_key, training, source, received_at_ms, updated_at_ms)
    VALUES (?, 1, 'active', ?, 0, ?, ?, ?, 0, NULL, 0, 'bench', 0, 0)`);
  const insertPersonal =
    db.prepare(`INSERT INTO flag_personal (flag_id, subject_json, content_json, location_json,
    institution, raw_json) VALUES (?, ?, ?, ?, NULL, ?)`);
  const started = performance.now();
  for (let i = 0; i < FLAGS; i += PAGE) {
    db.transaction(() => {
      for (const r of records.slice(i, i + PAGE)) {
        insertFlag.run(r.id, r.flagged_at, r.platform, r.category, r.risk);
        insertPersonal.run(
          r.id,
          JSON.stringify(r.subject),
          JSON.stringify(r.content),
          JSON.stringify(r.location ?? null),
          JSON.stringify(r),
        );
      }
    })();
  }
  return performance.now() - started;
}

function pragmas(db: Database.Database) {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('temp_store = MEMORY');
}

const plainDb = new Database(path.join(dir, 'plain.db'));
pragmas(plainDb);
const plainMs = bareInsert(plainDb);
plainDb.close();

const key = crypto.randomBytes(32);
const encDb = new Database(path.join(dir, 'enc.db'));
encDb.pragma(`cipher = 'sqlcipher'`);
encDb.pragma('legacy = 4');
encDb.pragma(`key = "x'${key.toString('hex')}'"`);
pragmas(encDb);
const encryptedMs = bareInsert(encDb);
encDb.close();

const store = SqliteStore.open(path.join(dir, 'pipeline.db'), key, { createIfMissing: true });
const started = performance.now();
pages.forEach((body, i) => {
  const page = JSON.parse(body) as { flags: unknown[]; next_cursor: string };
  store.commitPage({
    feedKey: 'bench',
    nextCursor: page.next_cursor,
    ...prepareRecords(page.flags),
    training: true,
    source: 'bench',
    receivedAtMs: i,
  });
});
const pipelineMs = performance.now() - started;
const queueStarted = performance.now();
const queued = store.listOpenQueue().length;
const queueMs = performance.now() - queueStarted;
store.close();
fs.rmSync(dir, { recursive: true, force: true });

const rate = (ms: number) => Math.round(FLAGS / (ms / 1000));
const rows = [
  { figure: 'bare insert, plain SQLite', flagsPerSecond: rate(plainMs), ratio: 1 },
  {
    figure: 'bare insert, encrypted (AES-256, sqlcipher v4)',
    flagsPerSecond: rate(encryptedMs),
    ratio: plainMs / encryptedMs,
  },
  {
    figure: 'full ingest pipeline, encrypted',
    flagsPerSecond: rate(pipelineMs),
    ratio: encryptedMs / pipelineMs,
  },
];
console.log(
  `Lifeline Console ingest bench — ${FLAGS} synthetic flags in pages of ${PAGE}, synchronous=FULL, WAL`,
);
console.log(
  `machine: ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
);
console.log('figure'.padEnd(50) + 'flags/s'.padStart(10) + '   ratio');
console.log(`${rows[0]!.figure.padEnd(50)}${String(rows[0]!.flagsPerSecond).padStart(10)}   1.00 (baseline)`);
console.log(
  `${rows[1]!.figure.padEnd(50)}${String(rows[1]!.flagsPerSecond).padStart(10)}   ${rows[1]!.ratio.toFixed(2)} × plain`,
);
console.log(
  `${rows[2]!.figure.padEnd(50)}${String(rows[2]!.flagsPerSecond).padStart(10)}   ${rows[2]!.ratio.toFixed(2)} × bare encrypted (target ≥ 0.5)`,
);
console.log(`\nopen-queue query over ${queued} open flags: ${queueMs.toFixed(1)} ms`);
fs.mkdirSync('test-results', { recursive: true });
fs.writeFileSync(
  'test-results/bench.json',
  JSON.stringify({ flags: FLAGS, page: PAGE, rows, queueMs, at: new Date().toISOString() }, null, 2),
);
