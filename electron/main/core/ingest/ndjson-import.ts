// The protocol's file import: FLAG objects as newline-delimited JSON, for when the feed is down and
// flags arrive by other means. Same validation, quarantine and idempotence as the feed; a line
// that is not JSON is quarantined with its line number. Committed in batches, streamed, so a large
// file never sits in memory whole. Every import is someone's act: its events carry the importing
// account, and one audit entry records the file's SHA-256 and what came of it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Store } from '../store/store';
import { addRecord, type PreparedRecords } from './prepare-records';

/** A quarantined line: where it is and which rule it broke, never its content. */
export interface QuarantinedLine {
  line: number;
  field: string;
  rule: string;
}

export interface ImportSummary {
  lines: number;
  inserted: number;
  revised: number;
  /** Valid flags already stored at this revision (imported before, or from the feed). */
  duplicates: number;
  stale: number;
  /**
   * Lines of this file that break a rule, whether or not an earlier import already quarantined
   * them: the same file gives the same count (and the same exit code) every time.
   */
  quarantined: number;
  /** Of those, the ones already in the quarantine from an earlier import or delivery. */
  quarantinedBefore: number;
  quarantinedLines: QuarantinedLine[];
  /** SHA-256 of the file's bytes as read, for the audit entry. */
  sha256: string;
}

const BATCH = 500;
const MAX_LINE_CHARS = 1024 * 1024;

export async function importNdjson(
  file: string,
  store: Store,
  options: { now: () => number; training: boolean; actor: string },
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    lines: 0,
    inserted: 0,
    revised: 0,
    duplicates: 0,
    stale: 0,
    quarantined: 0,
    quarantinedBefore: 0,
    quarantinedLines: [],
    sha256: '',
  };
  const source = `import:${path.basename(file)}`;
  let batch: PreparedRecords = { flags: [], quarantined: [] };
  let completed = false;

  const flush = async () => {
    if (batch.flags.length + batch.quarantined.length === 0) return;
    const result = await store.commitPage({
      feedKey: 'import',
      nextCursor: null,
      ...batch,
      training: options.training,
      source,
      receivedAtMs: options.now(),
      actor: options.actor,
    });
    // The store counts a bad record it already holds as a duplicate; here it stays quarantined.
    const before = batch.quarantined.length - result.quarantined;
    summary.inserted += result.inserted;
    summary.revised += result.revised;
    summary.stale += result.stale;
    summary.duplicates += result.duplicates - before;
    summary.quarantined += batch.quarantined.length;
    summary.quarantinedBefore += before;
    batch = { flags: [], quarantined: [] };
  };

  // The hash is taken over the very bytes the lines are read from, not a second read of the file.
  const hash = crypto.createHash('sha256');
  const input = fs.createReadStream(file);
  input.on('data', (chunk) => hash.update(chunk));
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  try {
    for await (let line of lines) {
      summary.lines++;
      if (summary.lines === 1 && line.startsWith('\uFEFF')) line = line.slice(1); // a byte-order mark
      if (line.trim() === '') continue;
      const quarantinedSoFar = batch.quarantined.length;
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
      }
      if (batch.quarantined.length === quarantinedSoFar) addRecord(batch, record, () => line);
      if (batch.quarantined.length > quarantinedSoFar) {
        const q = batch.quarantined.at(-1)!;
        summary.quarantinedLines.push({
          line: summary.lines,
          field: q.field.startsWith('(line ') ? '(line)' : q.field,
          rule: q.rule,
        });
      }
      if (batch.flags.length + batch.quarantined.length >= BATCH) await flush();
    }
    await flush();
    completed = true;
  } finally {
    summary.sha256 = hash.digest('hex');
    // Recorded even when the import stopped half-way: what was committed before the failure stays.
    await store.recordAudit({
      atMs: options.now(),
      actor: options.actor,
      action: 'import.file',
      target: null,
      detail: {
        sha256: summary.sha256,
        completed,
        training: options.training,
        lines: summary.lines,
        stored: summary.inserted + summary.revised,
        inserted: summary.inserted,
        revised: summary.revised,
        duplicates: summary.duplicates,
        stale: summary.stale,
        quarantined: summary.quarantined,
      },
    });
  }
  return summary;
}
