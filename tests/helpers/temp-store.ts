import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { SqliteStore, inProcessStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import { prepareRecords } from '../../electron/main/core/ingest/prepare-records';
import type { CommitPageInput } from '../../electron/main/core/store/store';

/** All test directories live under the run's root, which tests/global-setup.ts removes afterwards. */
const testRoot = () => process.env.LIFELINE_TEST_ROOT ?? os.tmpdir();

export function tempDir(prefix = 'case-'): string {
  return fs.mkdtempSync(path.join(testRoot(), prefix));
}

export function openTempStore(dir = tempDir(), key = crypto.randomBytes(32)) {
  const file = path.join(dir, 'lifeline.db');
  const sync = SqliteStore.open(file, key, { createIfMissing: true });
  return { dir, file, key, sync, store: inProcessStore(sync) };
}

/** The stores a test file opens, each closed after its test: call once at the file's top level. */
export function closedAfterEach(): SqliteStore[] {
  const opened: SqliteStore[] = [];
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
  });
  return opened;
}

export function pageInput(
  records: unknown[],
  nextCursor: string | null = 'c_1',
  receivedAtMs = 1_000,
): CommitPageInput {
  return {
    feedKey: 'default',
    nextCursor,
    ...prepareRecords(records),
    training: false,
    source: 'feed',
    receivedAtMs,
  };
}

export function sha256File(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
