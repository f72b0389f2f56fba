// The SQLite engine's implementation of every Store method, synchronously (better-sqlite3), in the
// thread that owns the connection. The async adapter and the worker proxy are generated from the
// seam's method list (store-methods.ts), so a method is implemented here once.
import { asyncStore, type SyncStore } from '../store-methods';
import type { RequestStamp, Store } from '../store';
import * as accounts from './account-queries';
import { closeFlag, confirmDispatch, dispatchFlag, undoClose } from './dispatch-queries';
import * as devices from './device-queries';
import * as room from './room-queries';
import * as resume from './resume-queries';
import * as roomState from './room-state-queries';
import { recordFollowUp, surfaceDueFollowUps } from './follow-up-queries';
import { report } from './report-queries';
import { warmRecent } from './report-day-cache';
import { purgePersonal } from './retention-queries';
import { revealFlag } from './reveal-queries';
import type { SqliteStore } from './sqlite-store';
import { listUnitContacts, setUnitContact } from './unit-contact-queries';
import { recordUnitAction } from './unit-queries';
import { unitDispatchRows } from './unit-report-queries';
import * as registry from './registry-queries';

export function sqliteMethods(store: SqliteStore): SyncStore {
  const db = store.database;
  /** The action, and with a stamp its result recorded as the answer in the same transaction. */
  const stamped = <T>(stamp: RequestStamp | undefined, act: () => T): T =>
    room.withRequestStamp(db, stamp, (result) => result, act);
  return {
    commitPage: (input) => store.commitPage(input),
    getCursor: (feedKey) => store.getCursor(feedKey),
    listOpenQueue: (training) => store.listOpenQueue(training),
    changesSince: (eventSeq, training) => store.changesSince(eventSeq, training),
    getFlagDetail: (id) => store.getFlagDetail(id),
    // The acting methods: with a request stamp, the answer is recorded in the action's transaction.
    acknowledge: (id, operator, atMs, stamp) => stamped(stamp, () => store.acknowledge(id, operator, atMs)),
    dispatch: (id, operator, details, atMs, stamp) =>
      stamped(stamp, () => dispatchFlag(db, id, operator, details, atMs)),
    confirmDispatch: (id, operator, by, atMs, stamp) =>
      stamped(stamp, () => confirmDispatch(db, id, operator, by, atMs)),
    closeFlag: (id, operator, details, atMs, followUpAfterMs, stamp) =>
      stamped(stamp, () => closeFlag(db, id, operator, details, atMs, followUpAfterMs)),
    undoClose: (id, operator, atMs, stamp) => stamped(stamp, () => undoClose(db, id, operator, atMs)),
    recordUnitAction: (id, action, by, atMs, stamp) =>
      stamped(stamp, () => recordUnitAction(db, id, action, by, atMs)),
    redeemEnrolment: (codeHash, credentialHash, atMs) =>
      devices.redeemEnrolment(db, codeHash, credentialHash, atMs),
    findDeviceByCredential: (credentialHash) => devices.findDeviceByCredential(db, credentialHash),
    listDevices: () => devices.listDevices(db),
    getRequestResult: (requestId) => room.getRequestResult(db, requestId),
    putRequestResult: (entry) => room.putRequestResult(db, entry),
    purgeRequestResults: (olderThanMs) => room.purgeRequestResults(db, olderThanMs),
    recordFlagEvent: (id, atMs, kind, actor, detail) =>
      room.recordFlagEvent(db, id, atMs, kind, actor, detail),
    readPersonalDetail: (id) => room.readPersonalDetail(db, id),
    saveResumeToken: (record) => resume.saveResumeToken(db, record),
    findResumeToken: (tokenHash) => resume.findResumeToken(db, tokenHash),
    deleteResumeToken: (tokenHash) => resume.deleteResumeToken(db, tokenHash),
    pruneResumeTokens: (seenBeforeMs) => resume.pruneResumeTokens(db, seenBeforeMs),
    listHolds: () => roomState.listHolds(db),
    claimHold: (id, who, nowMs, graceMs) => roomState.claimHold(db, id, who, nowMs, graceMs),
    takeOverHold: (id, who, nowMs, graceMs) => roomState.takeOverHold(db, id, who, nowMs, graceMs),
    releaseHold: (id, owner) => roomState.releaseHold(db, id, owner),
    leaveHolds: (core, connection, releaseAtMs) => roomState.leaveHolds(db, core, connection, releaseAtMs),
    beatHolds: (core, nowMs) => roomState.beatHolds(db, core, nowMs),
    expireHolds: (nowMs, graceMs) => roomState.expireHolds(db, nowMs, graceMs),
    getAlarmSilence: () => roomState.getAlarmSilence(db),
    setAlarmSilence: (next, entry, untilMs) => roomState.setAlarmSilence(db, next, entry, untilMs),
    recordAudit: ({ atMs, actor, action, target, detail }) =>
      void db
        .prepare(
          'INSERT INTO audit_append (at_ms, actor, action, target, detail_json) VALUES (?, ?, ?, ?, ?)',
        )
        .run(atMs, actor, action, target, JSON.stringify(detail)),
    listUnitContacts: () => listUnitContacts(db),
    setUnitContact: (unitKey, contact, by, atMs) => setUnitContact(db, unitKey, contact, by, atMs),
    getUnitRegistry: () => registry.getUnitRegistry(db),
    saveUnitRegistry: (save) => registry.saveUnitRegistry(db, save),
    listRegistryVersions: () => registry.listRegistryVersions(db),
    countAccounts: () => accounts.countAccounts(db),
    getAccount: (name) => accounts.getAccount(db, name),
    listAccounts: (nowMs) => accounts.listAccounts(db, nowMs),
    createAccount: (account, by, atMs, options) => accounts.createAccount(db, account, by, atMs, options),
    updateAccount: (name, change, by, atMs) => accounts.updateAccount(db, name, change, by, atMs),
    logSession: (name, kind, desk, atMs) => accounts.logSession(db, name, kind, desk, atMs),
    recordLogonFailure: (name, desk, atMs, kind) => accounts.recordLogonFailure(db, name, desk, atMs, kind),
    revealFlag: (id, operator, reason, atMs, stamp) =>
      room.withRequestStamp(
        db,
        stamp,
        () => ({ flagId: id }),
        () => revealFlag(db, id, operator, reason, atMs),
      ),
    surfaceDueFollowUps: (nowMs) => surfaceDueFollowUps(db, nowMs),
    recordFollowUp: (id, sequence, operator, details, atMs, stamp) =>
      stamped(stamp, () => recordFollowUp(db, id, sequence, operator, details, atMs)),
    status: () => store.status(),
    engineInfo: () => store.engineInfo(),
    countQuarantined: () => store.countQuarantined(),
    listUnroutedFlags: () => store.listUnroutedFlags(),
    setFlagRoutes: (routes) => store.setFlagRoutes(routes),
    listQuarantine: (limit) => store.listQuarantine(limit),
    appendAlarmLog: (entries) => store.appendAlarmLog(entries),
    arrivalStats: (sinceMs, training) => store.arrivalStats(sinceMs, training),
    alarmKpis: (fromMs, toMs, training) => store.alarmKpis(fromMs, toMs, training),
    handoverSummary: (shift, nowMs, training, targets) =>
      store.handoverSummary(shift, nowMs, training, targets),
    report: (range, context) => report(db, range, context),
    unitDispatchRows: (range) => unitDispatchRows(db, range),
    // A step is one settled day of report parts kept (report-day-cache.ts).
    prepareReports: (context, maxSteps) => warmRecent(db, context, maxSteps),
    getHandover: (shiftId) => store.getHandover(shiftId),
    getRoster: (shiftId) => store.getRoster(shiftId),
    setRoster: (shiftId, entries, stamp) =>
      room.withRequestStamp(
        db,
        stamp,
        () => ({ shiftId, entries: store.getRoster(shiftId) }),
        () => store.setRoster(shiftId, entries),
      ),
    signHandover: (summary, notes, by, atMs, stamp) =>
      stamped(stamp, () => store.signHandover(summary, notes, by, atMs)),
    receiveHandover: (shiftId, by, atMs, stamp) =>
      stamped(stamp, () => store.receiveHandover(shiftId, by, atMs)),
    purgePersonal: (olderThanMs, nowMs, by) => purgePersonal(db, { olderThanMs, nowMs, by }),
    close: () => store.close(),
  };
}

/** The store in this thread, behind the async interface (tests, CLI one-shots). */
export function inProcessStore(store: SqliteStore): Store {
  return asyncStore(sqliteMethods(store));
}
