// Need-to-know of a district control room (the `unit` role), channel by channel and event by
// event: the rule lives here, the core enforces it (core/units/unit-scope.ts), the page only
// reflects it. Both tables are total over the contract (a channel or event added without its entry
// fails typecheck), and tests/integration/unit-access.test.ts drives every channel from them.
import type { EventName, InvokeChannel } from './contract';

/**
 * - `none`: carries no flag either way (logging on, the session, the feed's health, the page's
 *   own state);
 * - `flag`: names one flag (`id`): allowed only when its current dispatch went to one of the
 *   session's units, else `forbidden` and an audit entry;
 * - `filtered`: answered with the session's flags only (its queue, its alarm);
 * - `refused`: the command centre's own (the room's queue acts, the handover, the roster, reports
 *   and figures, accounts, holds): always `forbidden` and an audit entry.
 */
export type UnitScope = 'none' | 'flag' | 'filtered' | 'refused';

export const UNIT_CHANNEL_SCOPE = {
  logon: 'none',
  createFirstAdministrator: 'none',
  logoff: 'none',
  lockDesk: 'none',
  unlockDesk: 'none',
  reportActivity: 'none',
  getSession: 'none',
  getFeedHealth: 'none',
  recordAlarmTest: 'none',
  confirmAlarmHeard: 'none',
  reportClientState: 'none',
  getClientStates: 'none',
  // The registry in force: units' names and control rooms, no flag (the unit desk names its units).
  getUnitRegistry: 'none',
  getFlagDetail: 'flag',
  revealFlag: 'flag',
  recordFollowUp: 'flag',
  acknowledgeReceipt: 'flag',
  recordUnitStep: 'flag',
  handBack: 'flag',
  listQueue: 'filtered',
  getAlarm: 'filtered',
  getUnitReport: 'filtered',
  holdFlag: 'refused',
  releaseFlag: 'refused',
  takeOverFlag: 'refused',
  acknowledge: 'refused',
  dispatch: 'refused',
  confirmDispatch: 'refused',
  closeFlag: 'refused',
  undoClose: 'refused',
  silenceAlarm: 'refused',
  cancelSilence: 'refused',
  getAlarmKpis: 'refused',
  getReport: 'refused',
  recordReportExport: 'refused',
  listQuarantine: 'refused',
  getHandover: 'refused',
  getRoster: 'refused',
  setRoster: 'refused',
  signHandover: 'refused',
  receiveHandover: 'refused',
  saveHandoverPdf: 'refused',
  listAccounts: 'refused',
  addAccount: 'refused',
  setAccountRole: 'refused',
  releaseAccount: 'refused',
  listUnitContacts: 'refused',
  setUnitContact: 'refused',
  saveUnitRegistry: 'refused',
  listRegistryVersions: 'refused',
} as const satisfies Record<InvokeChannel, UnitScope>;

/** Events pushed to a unit's desk: its flags' changes and its own alarm; a notice only about its flags. */
export const UNIT_EVENT_SCOPE = {
  queueChanged: 'filtered',
  alarm: 'filtered',
  feedHealth: 'none',
  clientStates: 'none',
  roomNotice: 'flag',
  focusFlag: 'flag',
  windowShown: 'none',
} as const satisfies Record<EventName, Exclude<UnitScope, 'refused'>>;

export function unitChannelScope(channel: string): UnitScope | undefined {
  return (UNIT_CHANNEL_SCOPE as Record<string, UnitScope>)[channel];
}
