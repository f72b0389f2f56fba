// The Store interface, proxied to the store worker thread.
import { Worker } from 'node:worker_threads';
import { ContractError } from '../../../../shared/errors';
import type { Store } from './store';
import type { StoreMethod, WorkerInit, WorkerReply, WorkerRequest } from './worker-protocol';

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
      else reject(new ContractError(reply.error.kind, reply.error.message, reply.error.field));
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new ContractError('unavailable', `The store worker exited (${code}) while opening.`)),
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
    else waiter.reject(new ContractError(reply.error.kind, reply.error.message, reply.error.field));
  });
  const failAll = (error: ContractError) => {
    failure = error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  worker.on('error', (error) => {
    console.error(`store worker failed: ${error.name}`);
    failAll(new ContractError('unavailable', 'The store worker failed.'));
  });
  worker.on('exit', () =>
    failAll(failure ?? new ContractError('unavailable', 'The store worker has stopped.')),
  );

  const call = (method: StoreMethod, ...args: unknown[]) =>
    new Promise<never>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, method, args } satisfies WorkerRequest);
    });

  return {
    commitPage: (input) => call('commitPage', input),
    getCursor: (feedKey) => call('getCursor', feedKey),
    listOpenQueue: (training) => call('listOpenQueue', training),
    changesSince: (eventSeq, training) => call('changesSince', eventSeq, training),
    getFlagDetail: (id) => call('getFlagDetail', id),
    getRequestResult: (requestId) => call('getRequestResult', requestId),
    putRequestResult: (entry) => call('putRequestResult', entry),
    purgeRequestResults: (olderThanMs) => call('purgeRequestResults', olderThanMs),
    recordFlagEvent: (id, atMs, kind, actor, detail) =>
      call('recordFlagEvent', id, atMs, kind, actor, detail),
    readPersonalDetail: (id) => call('readPersonalDetail', id),
    recordAudit: (entry) => call('recordAudit', entry),
    listUnitContacts: () => call('listUnitContacts'),
    setUnitContact: (unitKey, contact, by, atMs) => call('setUnitContact', unitKey, contact, by, atMs),
    countAccounts: () => call('countAccounts'),
    getAccount: (name) => call('getAccount', name),
    listAccounts: (nowMs) => call('listAccounts', nowMs),
    createAccount: (account, by, atMs, options) => call('createAccount', account, by, atMs, options),
    updateAccount: (name, change, by, atMs) => call('updateAccount', name, change, by, atMs),
    logSession: (name, kind, desk, atMs) => call('logSession', name, kind, desk, atMs),
    recordLogonFailure: (name, desk, atMs, kind) => call('recordLogonFailure', name, desk, atMs, kind),
    revealFlag: (id, operator, reason, atMs) => call('revealFlag', id, operator, reason, atMs),
    acknowledge: (id, operator, atMs) => call('acknowledge', id, operator, atMs),
    dispatch: (id, operator, details, atMs) => call('dispatch', id, operator, details, atMs),
    confirmDispatch: (id, operator, by, atMs) => call('confirmDispatch', id, operator, by, atMs),
    closeFlag: (id, operator, details, atMs, followUpAfterMs) =>
      call('closeFlag', id, operator, details, atMs, followUpAfterMs),
    surfaceDueFollowUps: (nowMs) => call('surfaceDueFollowUps', nowMs),
    recordFollowUp: (id, sequence, operator, details, atMs) =>
      call('recordFollowUp', id, sequence, operator, details, atMs),
    status: () => call('status'),
    countQuarantined: () => call('countQuarantined'),
    listQuarantine: (limit) => call('listQuarantine', limit),
    appendAlarmLog: (entries) => call('appendAlarmLog', entries),
    arrivalStats: (sinceMs, training) => call('arrivalStats', sinceMs, training),
    alarmKpis: (fromMs, toMs, training) => call('alarmKpis', fromMs, toMs, training),
    handoverSummary: (shift, nowMs, training) => call('handoverSummary', shift, nowMs, training),
    report: (range, context) => call('report', range, context),
    warmReports: (context, maxDays) => call('warmReports', context, maxDays),
    getHandover: (shiftId) => call('getHandover', shiftId),
    getRoster: (shiftId) => call('getRoster', shiftId),
    setRoster: (shiftId, entries) => call('setRoster', shiftId, entries),
    signHandover: (summary, notes, by, atMs) => call('signHandover', summary, notes, by, atMs),
    receiveHandover: (shiftId, by, atMs) => call('receiveHandover', shiftId, by, atMs),
    purgePersonal: (olderThanMs, nowMs, by) => call('purgePersonal', olderThanMs, nowMs, by),
    close: async () => {
      await call('close');
      await worker.terminate();
    },
  };
}
