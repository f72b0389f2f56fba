// The database's one writer, on a worker thread so the Electron main thread never blocks on disk.
import { parentPort, workerData } from 'node:worker_threads';
import { ContractError, toErrorData } from '../../../../../shared/errors';
import { STORE_METHODS } from '../store-methods';
import { SqliteStore, inProcessStore } from './sqlite-store';
import type { WorkerInit, WorkerReply, WorkerRequest } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('store worker must run in a worker thread');

const init = workerData as WorkerInit;
const post = (reply: WorkerReply) => port.postMessage(reply);
const FILE_SYSTEM_CAUSES: Readonly<Record<string, string>> = {
  ENOTDIR: 'a part of its path is a file, not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EISDIR: 'it is a directory',
  SQLITE_CANTOPEN: 'SQLite cannot open the file',
};
// Errors with a kind were written for people and pass as they are. Anything else (a SQLite or
// JSON error) may quote stored data, so only its name is logged here and a fixed text goes on.
const errorOf = (error: unknown) => {
  if (error instanceof ContractError) return error.toData();
  console.error(
    `store worker: ${(error as Error)?.name ?? 'error'} (${(error as { code?: string })?.code ?? 'no code'})`,
  );
  return toErrorData(error);
};

try {
  const key = Buffer.from(init.key);
  const store = inProcessStore(SqliteStore.open(init.file, key, { createIfMissing: init.createIfMissing }));
  key.fill(0);
  init.key.fill(0);
  post({ id: 0, ready: true });
  port.on('message', (request: WorkerRequest) => {
    // Only a listed method: a name like 'constructor' or '__proto__' from a confused sender is refused.
    const listed = (STORE_METHODS as readonly string[]).includes(request.method);
    const method = listed ? (store[request.method] as (...args: unknown[]) => Promise<unknown>) : undefined;
    if (typeof method !== 'function') {
      post({
        id: request.id,
        ok: false,
        error: { kind: 'invalid_request', message: 'Unknown store method.' },
      });
      return;
    }
    method(...request.args).then(
      (value) => post({ id: request.id, ok: true, value }),
      (error: unknown) => post({ id: request.id, ok: false, error: errorOf(error) }),
    );
  });
} catch (error) {
  post({ id: 0, ready: false, error: errorOf(openingError(error)) });
}

/**
 * A file-system error while opening names the database's path and the cause, not stored data, so
 * it can be said in full instead of "Internal error": the person starting the console must learn
 * which path is wrong.
 */
function openingError(error: unknown): unknown {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string' || !/^(E[A-Z]+|SQLITE_CANTOPEN\w*)$/.test(code)) return error;
  const cause = FILE_SYSTEM_CAUSES[code] ?? 'the file system refused it';
  return new ContractError('unavailable', `The database ${init.file} cannot be opened: ${cause} (${code}).`);
}
