// The change feed (Store.changesSince) under several writers: whatever commits while a reader
// reads is reported by that read or the next, never skipped. The contract is in store.ts.
import crypto from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import { startWorkerStore } from '../../electron/main/core/store/sqlite/worker-store';
import type { Store } from '../../electron/main/core/store/store';
import { makeFlag } from '../helpers/flags';
import { closedAfterEach, pageInput, tempDir } from '../helpers/temp-store';

const workerFile = path.resolve(__dirname, '../../electron/main/core/store/sqlite/worker-entry.ts');
const startWorker = (file: string, key: Buffer) =>
  startWorkerStore({
    workerFile,
    execArgv: ['--import', 'tsx'],
    file,
    key: new Uint8Array(key),
    createIfMissing: true,
  });

const opened = closedAfterEach();

describe('the change feed', () => {
  it('never skips a change another connection commits in the middle of a read', () => {
    const file = path.join(tempDir(), 'lifeline.db');
    const key = crypto.randomBytes(32);
    const reader = SqliteStore.open(file, key, { createIfMissing: true });
    const writer = SqliteStore.open(file, key, { createIfMissing: false });
    opened.push(reader, writer);
    writer.commitPage(pageInput([makeFlag({ id: 'fl_first' })], 'c_1'));

    // Another connection (an import in another process) commits just after the reader has read the
    // changed rows: the moment a horizon read separately from the rows would pass it by.
    const statements = (
      reader as unknown as { statements: Record<string, { all: (...a: unknown[]) => unknown[] }> }
    ).statements;
    const readRows = statements.changedSince!;
    let interleaved = false;
    statements.changedSince = {
      all: (...args: unknown[]) => {
        const rows = readRows.all(...args);
        if (!interleaved) {
          interleaved = true;
          writer.commitPage(pageInput([makeFlag({ id: 'fl_during' })], 'c_2'));
        }
        return rows;
      },
    };

    const first = reader.changesSince(0, false);
    expect(interleaved).toBe(true);
    expect(first.insertedIds).toEqual(['fl_first']);
    const second = reader.changesSince(first.lastEventSeq, false);
    expect(second.insertedIds).toEqual(['fl_during']);
    expect(reader.changesSince(second.lastEventSeq, false).items).toEqual([]);
  });

  it('reports every flag exactly once to a reader polling while two writers commit pages in flight', async () => {
    const file = path.join(tempDir(), 'lifeline.db');
    const key = crypto.randomBytes(32);
    // Three connections on three threads, as two writing processes and a reading core would be.
    const stores: Store[] = [];
    try {
      for (let i = 0; i < 3; i++) stores.push(await startWorker(file, key));
      const [writerA, writerB, reader] = stores as [Store, Store, Store];
      const PAGES = 40;
      const ids = (w: string) => Array.from({ length: PAGES }, (_, i) => `fl_${w}_${i}`);
      // Every page of a half is posted at once: each worker holds many calls in flight, and the two
      // workers' transactions contend for SQLite's one write lock. The second half waits for the
      // reader's first answer, so the reader reads while the writers write on any machine: with
      // everything posted at once, a busy machine could finish the writes before a second poll.
      const write = (store: Store, w: string, half: 0 | 1) =>
        Promise.all(
          ids(w)
            .slice(half * (PAGES / 2), (half + 1) * (PAGES / 2))
            .map((id) => store.commitPage(pageInput([makeFlag({ id })], `c_${id}`))),
        );
      let firstPollDone!: () => void;
      const firstPoll = new Promise<void>((resolve) => (firstPollDone = resolve));
      let writing = true;
      const writers = (async () => {
        await Promise.all([write(writerA, 'a', 0), write(writerB, 'b', 0)]);
        await firstPoll;
        await Promise.all([write(writerA, 'a', 1), write(writerB, 'b', 1)]);
      })().finally(() => {
        writing = false;
      });

      const seen: string[] = [];
      let cursor = 0;
      let pollsWhileWriting = 0;
      const poll = async () => {
        const changes = await reader.changesSince(cursor, false);
        expect(changes.lastEventSeq).toBeGreaterThanOrEqual(cursor);
        cursor = changes.lastEventSeq;
        seen.push(...changes.insertedIds);
      };
      while (writing) {
        await poll();
        pollsWhileWriting++;
        firstPollDone();
      }
      await writers;
      await poll();

      expect(pollsWhileWriting).toBeGreaterThan(1);
      expect(new Set(seen).size).toBe(seen.length); // each new flag announced once
      expect([...seen].sort()).toEqual([...ids('a'), ...ids('b')].sort());
    } finally {
      for (const store of stores) await store.close();
    }
  });
});
