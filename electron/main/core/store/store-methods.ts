// The Store's methods as one list, from which the worker proxy and the in-process adapter are
// generated: adding a method to the interface is one entry here, and the compiler refuses the build
// until it is (UNLISTED below), so no engine's proxy can silently lack a method.
import type { Store } from './store';

export const STORE_METHODS = [
  'commitPage',
  'getCursor',
  'listOpenQueue',
  'changesSince',
  'getFlagDetail',
  'revealFlag',
  'acknowledge',
  'dispatch',
  'confirmDispatch',
  'recordUnitAction',
  'closeFlag',
  'undoClose',
  'surfaceDueFollowUps',
  'recordFollowUp',
  'status',
  'engineInfo',
  'listQuarantine',
  'countQuarantined',
  'listUnroutedFlags',
  'setFlagRoutes',
  'appendAlarmLog',
  'arrivalStats',
  'alarmKpis',
  'handoverSummary',
  'report',
  'unitDispatchRows',
  'prepareReports',
  'getHandover',
  'getRoster',
  'setRoster',
  'signHandover',
  'receiveHandover',
  'purgePersonal',
  'countAccounts',
  'getAccount',
  'listAccounts',
  'createAccount',
  'updateAccount',
  'logSession',
  'recordLogonFailure',
  'recordAudit',
  'listUnitContacts',
  'setUnitContact',
  'getUnitRegistry',
  'saveUnitRegistry',
  'listRegistryVersions',
  'close',
  'redeemEnrolment',
  'findDeviceByCredential',
  'listDevices',
  'getRequestResult',
  'putRequestResult',
  'purgeRequestResults',
  'recordFlagEvent',
  'readPersonalDetail',
  'saveResumeToken',
  'findResumeToken',
  'deleteResumeToken',
  'pruneResumeTokens',
  'listHolds',
  'claimHold',
  'takeOverHold',
  'releaseHold',
  'leaveHolds',
  'beatHolds',
  'expireHolds',
  'getAlarmSilence',
  'setAlarmSilence',
] as const satisfies readonly (keyof Store)[];

export type StoreMethod = (typeof STORE_METHODS)[number];

// A method of Store missing from STORE_METHODS makes this a type error naming it.
type Unlisted = Exclude<keyof Store, StoreMethod>;
const UNLISTED: [Unlisted] extends [never] ? true : Unlisted = true;
void UNLISTED;

/** The Store's methods done synchronously: how an engine that runs in its own thread implements it. */
export type SyncStore = {
  [K in StoreMethod]: (...args: Parameters<Store[K]>) => Awaited<ReturnType<Store[K]>>;
};

type AnyMethod = (...args: unknown[]) => unknown;

/** A synchronous engine behind the async interface; a throw becomes a rejection, as over a worker. */
export function asyncStore(sync: SyncStore): Store {
  const methods = STORE_METHODS.map((method) => {
    const run = sync[method] as AnyMethod;
    return [method, async (...args: unknown[]) => run.apply(sync, args)] as const;
  });
  return Object.fromEntries(methods) as unknown as Store;
}

/** The Store as calls sent elsewhere (a worker thread, later a socket): one function for them all. */
export function proxyStore(call: (method: StoreMethod, args: unknown[]) => Promise<unknown>): Store {
  const methods = STORE_METHODS.map(
    (method) => [method, (...args: unknown[]) => call(method, args)] as const,
  );
  return Object.fromEntries(methods) as unknown as Store;
}
