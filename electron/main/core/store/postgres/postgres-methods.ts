// The PostgreSQL engine's implementation of every Store method: each one transaction on one pooled
// client (pg-db.ts). Reads that must see one snapshot run REPEATABLE READ, read-only. Adding a method
// is one line here and its query in the *-queries.ts of its group.
import type { Store } from '../store';
import type { StoreMethod } from '../store-methods';
import type { StoreAdmin } from '../store-admin';
import * as accounts from './account-queries';
import { commitPage } from './ingest-queries';
import * as queue from './queue-queries';
import * as resume from './resume-queries';
import * as roomState from './room-state-queries';
import * as steps from './step-queries';
import * as shift from './shift-queries';
import { purgePersonal } from './retention-queries';
import { report } from './report-queries';
import type { PgDb, Tx } from './pg-db';
import type { RequestStamp } from '../store-types';
import { exportAudit, postgresVerifier } from './verify-queries';
import { coreSessions } from './cluster-queries';
import * as registry from './registry-queries';
import * as units from './unit-queries';

export function postgresStore(db: PgDb, version: string): StoreAdmin {
  const write = <T>(fn: (tx: Tx) => Promise<T>) => db.tx(fn);
  const read = <T>(fn: (tx: Tx) => Promise<T>) => db.tx(fn, { readOnly: true });
  /** An acting method: with a request stamp, its answer recorded in the action's transaction. */
  const stamped = <T>(stamp: RequestStamp | undefined, act: (tx: Tx) => Promise<T>) =>
    write((tx) =>
      steps.withRequestStamp(
        tx,
        stamp,
        (result) => result,
        () => act(tx),
      ),
    );
  const store: Store = {
    commitPage: (input) => write((tx) => commitPage(tx, input)),
    getCursor: (feedKey) => read((tx) => queue.getCursor(tx, feedKey)),
    listOpenQueue: (training) => read((tx) => queue.listOpenQueue(tx, training)),
    changesSince: (eventSeq, training) => read((tx) => queue.changesSince(tx, eventSeq, training)),
    getFlagDetail: (id) => read((tx) => queue.getFlagDetail(tx, id)),
    revealFlag: (id, operator, reason, atMs, stamp) =>
      write((tx) =>
        steps.withRequestStamp(
          tx,
          stamp,
          () => ({ flagId: id }),
          () => steps.revealFlag(tx, id, operator, reason, atMs),
        ),
      ),
    acknowledge: (id, operator, atMs, stamp) =>
      stamped(stamp, (tx) => queue.acknowledge(tx, id, operator, atMs)),
    dispatch: (id, operator, details, atMs, stamp) =>
      stamped(stamp, (tx) => steps.dispatchFlag(tx, id, operator, details, atMs)),
    confirmDispatch: (id, operator, by, atMs, stamp) =>
      stamped(stamp, (tx) => steps.confirmDispatch(tx, id, operator, by, atMs)),
    closeFlag: (id, operator, details, atMs, followUpAfterMs, stamp) =>
      stamped(stamp, (tx) => steps.closeFlag(tx, id, operator, details, atMs, followUpAfterMs)),
    undoClose: (id, operator, atMs, stamp) => stamped(stamp, (tx) => steps.undoClose(tx, id, operator, atMs)),
    surfaceDueFollowUps: (nowMs) => write((tx) => steps.surfaceDueFollowUps(tx, nowMs)),
    recordFollowUp: (id, sequence, operator, details, atMs, stamp) =>
      stamped(stamp, (tx) => steps.recordFollowUp(tx, id, sequence, operator, details, atMs)),
    status: () => read((tx) => queue.status(tx, version)),
    engineInfo: async () => ({ engine: 'postgres', version }),
    listQuarantine: (limit) => read((tx) => queue.listQuarantine(tx, limit)),
    countQuarantined: () => read((tx) => queue.countQuarantined(tx)),
    listUnroutedFlags: () => read((tx) => queue.listUnroutedFlags(tx)),
    setFlagRoutes: (routes) => write((tx) => queue.setFlagRoutes(tx, routes)),
    appendAlarmLog: (entries) => write((tx) => shift.appendAlarmLog(tx, entries)),
    arrivalStats: (sinceMs, training) => read((tx) => shift.arrivalStats(tx, sinceMs, training)),
    alarmKpis: (fromMs, toMs, training) => read((tx) => shift.alarmKpis(tx, fromMs, toMs, training)),
    handoverSummary: (s, nowMs, training, targets) =>
      read((tx) => shift.handoverSummary(tx, s, nowMs, training, targets)),
    report: (range, context) => read((tx) => report(tx, range, context)),
    // Nothing to prepare: no kept report days on this engine.
    prepareReports: async () => 0,
    getHandover: (shiftId) => read((tx) => shift.getHandover(tx, shiftId)),
    getRoster: (shiftId) => read((tx) => shift.getRoster(tx, shiftId)),
    setRoster: (shiftId, entries, stamp) =>
      write((tx) =>
        steps.withRequestStamp(
          tx,
          stamp,
          async () => ({ shiftId, entries: await shift.getRoster(tx, shiftId) }),
          () => shift.setRoster(tx, shiftId, entries),
        ),
      ),
    signHandover: (summary, notes, by, atMs, stamp) =>
      stamped(stamp, (tx) => shift.signHandover(tx, summary, notes, by, atMs)),
    receiveHandover: (shiftId, by, atMs, stamp) =>
      stamped(stamp, (tx) => shift.receiveHandover(tx, shiftId, by, atMs)),
    purgePersonal: (olderThanMs, nowMs, by) => write((tx) => purgePersonal(tx, { olderThanMs, nowMs, by })),
    countAccounts: () => read((tx) => accounts.countAccounts(tx)),
    getAccount: (name) => read((tx) => accounts.getAccount(tx, name)),
    listAccounts: (nowMs) => read((tx) => accounts.listAccounts(tx, nowMs)),
    createAccount: (account, by, atMs, options) =>
      write((tx) => accounts.createAccount(tx, account, by, atMs, options)),
    updateAccount: (name, change, by, atMs) =>
      write((tx) => accounts.updateAccount(tx, name, change, by, atMs)),
    logSession: (name, kind, desk, atMs) => write((tx) => accounts.logSession(tx, name, kind, desk, atMs)),
    recordLogonFailure: (name, desk, atMs, kind) =>
      write((tx) => accounts.recordLogonFailure(tx, name, desk, atMs, kind)),
    recordAudit: ({ atMs, actor, action, target, detail }) =>
      write(async (tx) => tx.audit({ atMs, actor, action, target, detailJson: JSON.stringify(detail) })),
    listUnitContacts: () => read((tx) => accounts.listUnitContacts(tx)),
    setUnitContact: (unitKey, contact, by, atMs) =>
      write((tx) => accounts.setUnitContact(tx, unitKey, contact, by, atMs)),
    redeemEnrolment: (codeHash, credentialHash, atMs) =>
      write((tx) => accounts.redeemEnrolment(tx, codeHash, credentialHash, atMs)),
    findDeviceByCredential: (credentialHash) =>
      read((tx) => accounts.findDeviceByCredential(tx, credentialHash)),
    listDevices: () => read((tx) => accounts.listDevices(tx)),
    getRequestResult: (requestId) => read((tx) => steps.getRequestResult(tx, requestId)),
    putRequestResult: (entry) => write((tx) => steps.putRequestResult(tx, entry)),
    purgeRequestResults: (olderThanMs) => write((tx) => steps.purgeRequestResults(tx, olderThanMs)),
    recordFlagEvent: (id, atMs, kind, actor, detail) =>
      write((tx) => steps.recordFlagEvent(tx, id, atMs, kind, actor, detail)),
    readPersonalDetail: (id) => read((tx) => steps.readPersonalDetail(tx, id)),
    saveResumeToken: (record) => write((tx) => resume.saveResumeToken(tx, record)),
    findResumeToken: (tokenHash) => read((tx) => resume.findResumeToken(tx, tokenHash)),
    deleteResumeToken: (tokenHash) => write((tx) => resume.deleteResumeToken(tx, tokenHash)),
    pruneResumeTokens: (seenBeforeMs) => write((tx) => resume.pruneResumeTokens(tx, seenBeforeMs)),
    listHolds: () => read((tx) => roomState.listHolds(tx)),
    claimHold: (id, who, nowMs, graceMs) => write((tx) => roomState.claimHold(tx, id, who, nowMs, graceMs)),
    takeOverHold: (id, who, nowMs, graceMs) =>
      write((tx) => roomState.takeOverHold(tx, id, who, nowMs, graceMs)),
    releaseHold: (id, owner) => write((tx) => roomState.releaseHold(tx, id, owner)),
    leaveHolds: (core, connection, releaseAtMs) =>
      write((tx) => roomState.leaveHolds(tx, core, connection, releaseAtMs)),
    beatHolds: (core, nowMs) => write((tx) => roomState.beatHolds(tx, core, nowMs)),
    expireHolds: (nowMs, graceMs) => write((tx) => roomState.expireHolds(tx, nowMs, graceMs)),
    getAlarmSilence: () => read((tx) => roomState.getAlarmSilence(tx)),
    setAlarmSilence: (next, entry, untilMs) =>
      write((tx) => roomState.setAlarmSilence(tx, next, entry, untilMs)),
    recordUnitAction: (id, action, by, atMs, stamp) =>
      stamped(stamp, (tx) => units.recordUnitAction(tx, id, action, by, atMs)),
    unitDispatchRows: (range) => read((tx) => units.unitDispatchRows(tx, range)),
    getUnitRegistry: () => read((tx) => registry.getUnitRegistry(tx)),
    saveUnitRegistry: (save) => write((tx) => registry.saveUnitRegistry(tx, save)),
    listRegistryVersions: () => read((tx) => registry.listRegistryVersions(tx)),
    close: () => db.close(),
  };
  // Every method of the seam's list is here (the compiler checks Store; this checks the list).
  const listed: Record<StoreMethod, unknown> = store;
  void listed;
  const { close: _closedByTheStore, ...verifierReads } = postgresVerifier(db);
  return {
    ...store,
    breakGlassRelease: (name, by, desk, atMs) =>
      write((tx) => accounts.breakGlassRelease(tx, name, by, desk, atMs)),
    createEnrolment: (input) => write((tx) => accounts.createEnrolment(tx, input)),
    revokeDevice: (name, by, atMs) => write((tx) => accounts.revokeDevice(tx, name, by, atMs)),
    exportAudit: (input) => exportAudit(db, input),
    coreSessions: () => coreSessions(db),
    ...verifierReads,
  };
}
