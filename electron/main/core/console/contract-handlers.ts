// The contract's handlers, unwrapped: most are a store call with the clock and the logged-on user
// filled in, its changed flag pushed to the room (applyChanges); the account, room, handover and
// unit channels come from their own parts. console-core.ts wraps these in the account guard, the
// holds, the retried-request answers and the unit scope.
import type { InvokeHandlers } from '../../../../shared/contract';
import type { QueueItem } from '../../../../shared/domain';
import { coded, ContractError } from '../../../../shared/errors';
import { flagDetailForAuditor } from '../../../../shared/audit-detail';
import { dispatchUnitRefusal } from '../../../../shared/dispatch';
import type { Shift } from '../../../../shared/shifts/schedule';
import { mayRouteAgain } from '../../../../shared/unit-actions';
import { accountHandlers } from '../accounts/account-handlers';
import type { SessionRegistry } from '../accounts/sessions';
import { handoverHandlers } from '../handover/handover-handlers';
import type { ClientStates } from '../presence/client-state';
import type { createRoom } from '../room/room-core';
import type { Store } from '../store/store';
import { unitHandlers } from '../units/unit-handlers';
import { changeUnitRegistry, currentUnitRegistry, isKnownUnit } from '../units/unit-registry';
import type { FeedAlarmPublisher } from './feed-alarm-publisher';

export interface ContractHandlerDeps {
  store: Store;
  now: () => number;
  sessions: SessionRegistry;
  clients: ClientStates;
  room: ReturnType<typeof createRoom>;
  alarm: FeedAlarmPublisher;
  /** The core's open flags. */
  open: ReadonlyMap<string, QueueItem>;
  /** Pushes changed flags to every screen (and re-evaluates the alarms): queue-refresh.ts. */
  applyChanges: (items: QueueItem[]) => void;
  training: boolean;
  version: string;
  host: 'electron' | 'headless';
  schedule: Shift[];
  followUpAfterMs: number[];
  idleLockMs: number;
}

export function contractHandlers(deps: ContractHandlerDeps): InvokeHandlers {
  const { store, now, sessions, clients, room, alarm, open, applyChanges } = deps;
  const { training, schedule, followUpAfterMs, idleLockMs } = deps;
  const silence = alarm.silence;
  let engineInfo: ReturnType<Store['engineInfo']> | undefined;
  const accounts = accountHandlers(store, sessions, now);
  return {
    ...accounts,
    ...room.handlers,
    // The room sees which desks have somebody logged on; a desk logging off lets its holds go.
    logon: async (request, context) => {
      const user = await accounts.logon(request, context);
      clients.setLoggedOn(context.connection, true);
      return user;
    },
    createFirstAdministrator: async (request, context) => {
      const user = await accounts.createFirstAdministrator(request, context);
      clients.setLoggedOn(context.connection, true);
      return user;
    },
    logoff: async (request, context) => {
      const done = await accounts.logoff(request, context);
      clients.setLoggedOn(context.connection, false);
      room.connectionGone(context.connection);
      return done;
    },
    getSession: async (_request, context) => {
      // With main's idle lock applied: the page learns here that its desk was locked.
      const session = await sessions.current(context.connection);
      return {
        training,
        version: deps.version,
        // The engine's schema version (SQLite: its migration number), read once: it cannot change.
        schemaVersion: Number.parseInt((await (engineInfo ??= store.engineInfo())).version, 10) || 0,
        host: deps.host,
        role: context.role,
        schedule,
        user: session?.user ?? null,
        accountsExist: (await store.countAccounts()) > 0,
        locked: session?.locked ?? false,
        idleLockMs,
      };
    },
    listQueue: async () => [...open.values()].map((item) => room.withHold(item)),
    getFlagDetail: async ({ id }, context) => {
      const detail = await store.getFlagDetail(id);
      if (!detail) throw new ContractError('not_found', coded('flag.not_found', { id }), 'id');
      // Operators' typed text (notes, reasons, officers' names) is for those who work flags.
      const role = sessions.get(context.connection)?.user.role;
      return role === 'auditor' ? flagDetailForAuditor(detail) : detail;
    },
    listUnitContacts: async () => store.listUnitContacts(),
    setUnitContact: async ({ unitKey, contact }, context) => {
      if (!isKnownUnit(unitKey))
        throw new ContractError('invalid_request', coded('unit.not_found', { unitKey }), 'unitKey');
      // The guard let only a logged-on administrator through: the session is there.
      return store.setUnitContact(unitKey, contact, sessions.get(context.connection)!.user.name, now());
    },
    getUnitRegistry: async () => currentUnitRegistry(),
    saveUnitRegistry: async ({ registry, basedOn }, context) =>
      // The guard let only a logged-on administrator through; the store audits the save.
      changeUnitRegistry(store, {
        registry,
        basedOn,
        by: sessions.get(context.connection)!.user.name,
        atMs: now(),
      }),
    listRegistryVersions: async () => store.listRegistryVersions(),
    revealFlag: async ({ id, operator, reason }) => store.revealFlag(id, operator, reason, now()),
    acknowledge: async ({ id, operator }) => {
      const item = await store.acknowledge(id, operator, now());
      applyChanges([item]);
      return item;
    },
    dispatch: async ({ id, operator, ...details }, context) => {
      const refusal = dispatchUnitRefusal(currentUnitRegistry().registry, details.unitKey);
      if (refusal) throw new ContractError('invalid_request', refusal, 'unitKey');
      // A flag a unit handed back is the supervisor's to route again (shared/unit-actions.ts).
      const handedBack = open.get(id)?.handBack;
      if (handedBack && !mayRouteAgain(sessions.get(context.connection)?.user.role))
        throw new ContractError(
          'forbidden',
          coded('dispatch.handed_back_supervisor', { caseNo: open.get(id)!.caseNo }),
          'id',
        );
      const item = await store.dispatch(id, operator, details, now());
      applyChanges([item]);
      return item;
    },
    confirmDispatch: async ({ id, operator, confirmedBy }) => {
      const item = await store.confirmDispatch(id, operator, confirmedBy, now());
      applyChanges([item]);
      return item;
    },
    closeFlag: async ({ id, operator, ...details }) => {
      const item = await store.closeFlag(id, operator, details, now(), followUpAfterMs);
      applyChanges([item]);
      return item;
    },
    undoClose: async ({ id, operator }) => {
      const item = await store.undoClose(id, operator, now());
      applyChanges([item]);
      return item;
    },
    recordFollowUp: async ({ id, sequence, operator, ...details }) => {
      const item = await store.recordFollowUp(id, sequence, operator, details, now());
      applyChanges([item]);
      return item;
    },
    getFeedHealth: async () => alarm.feedHealthNow(),
    getAlarm: async () => alarm.currentAlarm(),
    silenceAlarm: async ({ operator, reason, minutes }) => {
      await silence.start(operator, reason, minutes, open.values(), now());
      return alarm.publishAlarm();
    },
    cancelSilence: async ({ operator }) => {
      await silence.cancel(operator, now());
      return alarm.publishAlarm();
    },
    recordAlarmTest: async ({ operator, outcome, audioOutputs }) => {
      await store.appendAlarmLog([
        { atMs: now(), kind: 'test_alarm', actor: operator, detail: { outcome, audioOutputs } },
      ]);
      return { recorded: true as const };
    },
    confirmAlarmHeard: async ({ heard }, context) => {
      // Who answered is the logged-on user (the guard let only one through), not a typed name.
      const by = sessions.get(context.connection)!.user.name;
      const state = clients.recordSoundCheck(context.connection, { heard, atMs: now(), by });
      if (!state) throw new ContractError('not_found', coded('sound_check.not_reported', {}), 'heard');
      await store.recordAudit({
        atMs: now(),
        actor: by,
        action: heard ? 'alarm.test_heard' : 'alarm.test_not_heard',
        target: null,
        detail: { desk: `${state.role} ${state.number}`, heard },
      });
      return state;
    },
    getAlarmKpis: async ({ fromMs, toMs }) => {
      const to = toMs ?? now();
      return store.alarmKpis(fromMs ?? to - 24 * 3600_000, to, training);
    },
    // Live flags only, whatever this console runs on: training never counts in a report.
    getReport: async (range, context) => {
      const report = await store.report(range, { schedule, nowMs: now() });
      // Figures per operator are for supervisors (and administrators): an auditor reads the room's.
      const user = sessions.get(context.connection)!.user; // the guard let only a logged-on user through
      const sent =
        user.role === 'auditor' ? { ...report, response: { ...report.response, byOperator: [] } } : report;
      // Audited here, where the figures leave main: what the page then prints or saves as CSV is
      // beyond main's sight, so the read itself is the record (recordReportExport only adds to it).
      await store.recordAudit({
        atMs: now(),
        actor: user.name,
        action: 'report.read',
        target: null,
        detail: {
          fromMs: range.fromMs,
          toMs: range.toMs,
          shiftKey: range.shiftKey ?? null,
          byOperator: sent.response.byOperator.length > 0,
        },
      });
      return sent;
    },
    recordReportExport: async ({ fromMs, toMs, shiftKey }, context) => {
      await store.recordAudit({
        atMs: now(),
        actor: sessions.get(context.connection)!.user.name, // the guard let only a logged-on user through
        action: 'report.exported',
        target: null,
        detail: { fromMs, toMs, shiftKey: shiftKey ?? null },
      });
      return { recorded: true as const };
    },
    listQuarantine: async ({ limit }) => store.listQuarantine(limit ?? 100),
    reportClientState: async (report, context) => {
      const { state } = clients.report(context.connection, context.role, report, now());
      return { role: state.role, number: state.number };
    },
    getClientStates: async () => ({ clients: clients.list() }),
    ...handoverHandlers(store, schedule, training, now),
    ...unitHandlers({ store, sessions, now, openItem: (id) => open.get(id), applyChanges }),
    // The Electron shell replaces this with webContents.printToPDF; a browser prints the page itself.
    saveHandoverPdf: async () => {
      throw new ContractError('unavailable', coded('pdf.desktop_only', {}));
    },
  };
}
