// Ingest figures, each against a baseline measured in the same run:
//   plain      bare INSERTs into unencrypted SQLite (same schema, WAL, synchronous=FULL)
//   encrypted  the same bare INSERTs into the SQLCipher-format store
//   pipeline   the whole ingest path: JSON page → validate → commitPage (revision history, events)
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { prepareRecords } from '../../electron/main/core/ingest/prepare-records';
import { registerAuditFunctions } from '../../electron/main/core/store/sqlite/register-audit-functions';
import { MIGRATIONS } from '../../electron/main/core/store/sqlite/migrations';
import { platformColumns } from '../../electron/main/core/store/platform-columns';
import { SqliteStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import { seededRandom, syntheticFlag } from '../../electron/main/core/simulator/synthetic-flags';

const PAGE = 100;

function pragmas(db: Database.Database, key: Buffer | null) {
  if (key) {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`key = "x'${key.toString('hex')}'"`);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('temp_store = MEMORY');
}

/**
 * The baseline: the same rows (every column ingest writes, route and subject key included, so the
 * same index entries) inserted into the same schema in the same pages, with nothing else — no
 * parsing, validation, duplicate check, revision history or event log.
 */
function bareInsert(file: string, key: Buffer | null, rows: ReturnType<typeof platformColumns>[]): number {
  const db = new Database(file);
  pragmas(db, key);
  registerAuditFunctions(db, 'bench'); // migration 8's triggers call them
  for (const m of MIGRATIONS) db.exec(m.sql);
  const insertFlag =
    db.prepare(`INSERT INTO flags (id, revision, status, flagged_at, flagged_at_ms, platform, category, risk,
      risk_rank, district_key, route_outcome, unit_key, route_basis, route_confidence, subject_key, training,
      source, received_at_ms, updated_at_ms)
    VALUES (@id, @revision, @status, @flagged_at, @flagged_at_ms, @platform, @category, @risk, @risk_rank,
      @district_key, @route_outcome, @unit_key, @route_basis, @route_confidence, @subject_key, 1, 'bench', 0, 0)`);
  const insertPersonal =
    db.prepare(`INSERT INTO flag_personal (flag_id, subject_json, content_json, location_json,
    institution, raw_json) VALUES (@id, @subject_json, @content_json, @location_json, @institution, @raw_json)`);
  const started = performance.now();
  for (let i = 0; i < rows.length; i += PAGE) {
    db.transaction(() => {
      for (const row of rows.slice(i, i + PAGE)) {
        insertFlag.run(row);
        insertPersonal.run(row);
      }
    })();
  }
  const ms = performance.now() - started;
  db.close();
  return ms;
}

export interface IngestFigures {
  flags: number;
  plainPerS: number;
  encryptedPerS: number;
  pipelinePerS: number;
  encryptionRatio: number;
  pipelineRatio: number;
  openQueueMs: number;
}

export function benchIngest(flags: number): IngestFigures {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-bench-'));
  const random = seededRandom(7);
  const records = Array.from({ length: flags }, (_, i) =>
    syntheticFlag(random, i + 1, new Date(1_790_000_000_000 + i * 1000), 'b'),
  );
  const pages: string[] = [];
  for (let i = 0; i < flags; i += PAGE)
    pages.push(JSON.stringify({ flags: records.slice(i, i + PAGE), next_cursor: `c_${i + PAGE}` }));
  const key = crypto.randomBytes(32);

  const rows = records.map((record) => {
    const { flags } = prepareRecords([record]);
    return { id: record.id, ...platformColumns(flags[0]!.flag, flags[0]!.rawJson, flags[0]!.route) };
  });
  const plainMs = bareInsert(path.join(dir, 'plain.db'), null, rows);
  const encryptedMs = bareInsert(path.join(dir, 'enc.db'), key, rows);

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
  store.listOpenQueue(true); // the pipeline stored them as training flags
  const openQueueMs = performance.now() - queueStarted;
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const rate = (ms: number) => Math.round(flags / (ms / 1000));
  return {
    flags,
    plainPerS: rate(plainMs),
    encryptedPerS: rate(encryptedMs),
    pipelinePerS: rate(pipelineMs),
    encryptionRatio: plainMs / encryptedMs,
    pipelineRatio: encryptedMs / pipelineMs,
    openQueueMs,
  };
}
