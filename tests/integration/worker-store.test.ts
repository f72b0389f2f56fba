// The store as the Electron shell and the headless host run it: in a worker thread, one writer,
// errors crossing the thread boundary as data with a kind.
import crypto from 'node:crypto';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { startWorkerStore } from '../../electron/main/core/store/sqlite/worker-store';
import { makeFlag } from '../helpers/flags';
import { pageInput, tempDir } from '../helpers/temp-store';

const workerFile = path.resolve(__dirname, '../../electron/main/core/store/sqlite/worker-entry.ts');
const start = (file: string, key: Buffer, createIfMissing = true) =>
  startWorkerStore({
    workerFile,
    execArgv: ['--import', 'tsx'],
    file,
    key: new Uint8Array(key),
    createIfMissing,
  });

describe('store worker thread', () => {
  it('carries a request stamp across the thread: the answer is recorded with the action', async () => {
    const store = await start(path.join(tempDir(), 'lifeline.db'), crypto.randomBytes(32));
    const flag = makeFlag();
    await store.commitPage(pageInput([flag]));
    const stamp = { requestId: crypto.randomUUID(), channel: 'acknowledge', actor: 'Op Testwal', atMs: 5 };
    const item = await store.acknowledge(flag.id as string, 'Op Testwal', 5, stamp);
    expect(await store.getRequestResult(stamp.requestId)).toMatchObject({
      channel: 'acknowledge',
      actor: 'Op Testwal',
      resultJson: JSON.stringify(item),
    });
    await store.close();
  });

  it('commits, lists and acknowledges through the worker', async () => {
    const file = path.join(tempDir(), 'lifeline.db');
    const key = crypto.randomBytes(32);
    const store = await start(file, key);
    const flag = makeFlag();
    const result = await store.commitPage(pageInput([flag]));
    expect(result.inserted).toBe(1);
    expect(result.changed[0]).toMatchObject({ id: flag.id, state: 'new', caseNo: 'LC-000001' });
    await store.acknowledge(flag.id as string, 'Op Testwal', 5);
    await expect(store.acknowledge(flag.id as string, 'Op Other', 6)).rejects.toMatchObject({
      kind: 'conflict',
    });
    await store.close();

    const reopened = await start(file, key, false);
    expect((await reopened.listOpenQueue(false))[0]).toMatchObject({
      state: 'acknowledged',
      acknowledgedBy: 'Op Testwal',
    });
    await reopened.close();
  });

  it('reports a wrong key as a forbidden error, not a crash', async () => {
    const file = path.join(tempDir(), 'lifeline.db');
    const store = await start(file, crypto.randomBytes(32));
    await store.close();
    await expect(start(file, crypto.randomBytes(32), false)).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it("runs only the methods on the seam's list: an inherited name is an invalid request, not a call", async () => {
    const file = path.join(tempDir(), 'lifeline.db');
    const worker = new Worker(workerFile, {
      workerData: { file, key: new Uint8Array(crypto.randomBytes(32)), createIfMissing: true },
      execArgv: ['--import', 'tsx'],
    });
    try {
      type Reply = { id: number; ok?: boolean; ready?: boolean; error?: { kind: string } };
      const next = () => new Promise<Reply>((resolve) => worker.once('message', resolve));
      expect(await next()).toMatchObject({ id: 0, ready: true });
      for (const [id, method] of [
        [1, 'constructor'],
        [2, 'toString'],
        [3, '__proto__'],
      ] as const) {
        worker.postMessage({ id, method, args: [] });
        expect(await next()).toMatchObject({ id, ok: false, error: { kind: 'invalid_request' } });
      }
      worker.postMessage({ id: 4, method: 'countAccounts', args: [] });
      expect(await next()).toMatchObject({ id: 4, ok: true, value: 0 });
    } finally {
      await worker.terminate();
    }
  });
});
