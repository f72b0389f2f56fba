// The protocol's file import: FLAG objects as newline-delimited JSON, for when the feed is down and
// flags arrive by other means. Same validation, quarantine and idempotence as the feed; a line
// that is not JSON is quarantined with its line number. Committed in batches, streamed, so a large
// file never sits in memory whole.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Store } from '../store/store';
import { addRecord, type PreparedRecords } from './prepare-records';

export interface ImportSummary {
  lines: number;
  inserted: number;
  revised: number;
  duplicates: number;
  stale: number;
  quarantined: number;
}

const BATCH = 500;
const MAX_LINE_CHARS = 1024 * 1024;

export async function importNdjson(
  file: string,
  store: Store,
  options: { now: () => number; training: boolean },
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    lines: 0,
    inserted: 0,
    revised: 0,
    duplicates: 0,
    stale: 0,
    quarantined: 0,
  };
  const source = `import:${path.basename(file)}`;
  let batch: PreparedRecords = { flags: [], quarantined: [] };

  const flush = async () => {
    if (batch.flags.length + batch.quarantined.length === 0) return;
    const result = await store.commitPage({
      feedKey: 'import',
      nextCursor: null,
      ...batch,
      training: options.training,
      source,
      receivedAtMs: options.now(),
    });
    for (const k of ['inserted', 'revised', 'duplicates', 'stale', 'quarantined'] as const)
      summary[k] += result[k];
    batch = { flags: [], quarantined: [] };
  };

  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (let line of lines) {
    summary.lines++;
    if (summary.lines === 1 && line.startsWith('\uFEFF')) line = line.slice(1); // a byte-order mark
    if (line.trim() === '') continue;
    let record: unknown;
    try {
      if (line.length > MAX_LINE_CHARS) throw new Error('too long');
      record = JSON.parse(line);
    } catch {
      batch.quarantined.push({
        field: `(line ${summary.lines})`,
        rule: `a line must be one JSON object of at most ${MAX_LINE_CHARS} characters`,
        rawText: line,
        idHint: null,
      });
      continue;
    }
    addRecord(batch, record, () => line);
    if (batch.flags.length + batch.quarantined.length >= BATCH) await flush();
  }
  await flush();
  return summary;
}
