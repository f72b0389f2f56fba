// The Store interface, proxied to the store worker thread (generated from the seam's method list).
import { Worker } from 'node:worker_threads';
import { coded, ContractError } from '../../../../../shared/errors';
import type { Store } from '../store';
import { proxyStore, type StoreMethod } from '../store-methods';
import type { WorkerInit, WorkerReply, WorkerRequest } from './worker-protocol';

export interface WorkerStoreOptions extends WorkerInit {
  /** The built worker (out/main/store-worker.js), or the .ts entry with execArgv ['--import', 'tsx']. */
  workerFile: string;
  execArgv?: string[];
}

export async function startWorkerStore(options: WorkerStoreOptions): Promise<Store> {
  const { workerFile, execArgv, ...init } = options;
  const worker = new Worker(workerFile, { workerData: init, execArgv: execArgv ?? [] });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  let nextId = 1;
  let failure: ContractError | null = null;

  await new Promise<void>((resolve, reject) => {
    const onMessage = (reply: WorkerReply) => {
      if (reply.id !== 0 || !('ready' in reply)) return;
      worker.off('message', onMessage);
      if (reply.ready) resolve();
      else reject(ContractError.fromData(reply.error));
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new ContractError('unavailable', coded('store.worker_exited', { code }))),
    );
  }).catch(async (error) => {
    await worker.terminate();
    throw error;
  });

  worker.on('message', (reply: WorkerReply) => {
    if (reply.id === 0 || 'ready' in reply) return;
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(ContractError.fromData(reply.error));
  });
  const failAll = (error: ContractError) => {
    failure = error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  worker.on('error', (error) => {
    console.error(`store worker failed: ${error.name}`);
    failAll(new ContractError('unavailable', coded('store.worker_failed', {})));
  });
  worker.on('exit', () =>
    failAll(failure ?? new ContractError('unavailable', coded('store.worker_stopped', {}))),
  );

  const call = (method: StoreMethod, args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, method, args } satisfies WorkerRequest);
    });

  const store = proxyStore(call);
  return {
    ...store,
    close: async () => {
      await store.close();
      await worker.terminate();
    },
  };
}
