// A whole console core on PostgreSQL (--database-url): started by start-console.ts like the SQLite one,
// it polls the built-in simulator into the shared database; a restart finds its flags and cursor; a
// start without --init and without a key makes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileKeyProvider } from '../../electron/main/core/key/key-provider';
import { startConsole, type RunningConsole } from '../../electron/main/core/start-console';
import { createTestDatabase, type TestDatabase } from '../helpers/test-pg';
import { tempDir } from '../helpers/temp-store';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function start(d: TestDatabase, keyFile: string, init: boolean): Promise<RunningConsole> {
  return startConsole({
    dataDir: path.dirname(keyFile),
    keyProvider: fileKeyProvider(keyFile),
    host: 'headless',
    version: 'test',
    pollIntervalMs: 250,
    simRate: 600,
    databaseUrl: d.url,
    init,
  });
}

function firstQueueChange(running: RunningConsole): Promise<void> {
  return new Promise((resolve) => {
    const stop = running.core.subscribe((event) => {
      if (event === 'queueChanged') {
        stop();
        resolve();
      }
    });
  });
}

describe('a console core on PostgreSQL', () => {
  it('ingests the feed into the shared database, and finds it again on restart', async () => {
    const d = await createTestDatabase();
    cleanups.push(() => d.drop());
    const keyFile = path.join(tempDir(), 'db.key');

    // No key and no --init: nothing is made, neither a key nor a schema.
    await expect(start(d, keyFile, false)).rejects.toThrow();
    expect(fs.existsSync(keyFile)).toBe(false);

    const running = await start(d, keyFile, true);
    expect(running.databaseFile).toMatch(/^\S+@127\.0\.0\.1:\d+\/lifeline_t_\w+ sslmode=disable$/);
    await firstQueueChange(running);
    const status = await running.store.status();
    expect(status.engine).toBe('postgres');
    const stored = Object.values(status.flagsByState).reduce((a, b) => a + b, 0);
    expect(stored).toBeGreaterThan(0);
    await running.stop();

    const again = await start(d, keyFile, false);
    cleanups.push(() => again.stop());
    expect((await again.store.listOpenQueue(true)).length).toBeGreaterThanOrEqual(stored);
  });
});
