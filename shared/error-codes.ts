// The one list of error codes that cross the boundary, each with the names of its parameters. The
// host sends a code and parameters, never a sentence; the desk words them in its own language
// (shared/i18n/en-errors.ts, hi-errors.ts), the CLI in English. Both tables are typed
// Record<ErrorCode, string>, so a code added here without its English and Hindi fails typecheck.
export const ERROR_CODES = {
  // A host-side message not (yet) given a code: startup, key and config errors that only the CLI
  // and the host log show. tests/unit/error-codes-used.test.ts keeps them out of desk-reachable code.
  'host.message': ['message'],
  'host.internal': [],
  'host.busy_logons': [],
  'host.busy_logon_pending': [],
  'host.busy_requests': [],
  'store.worker_exited': ['code'],
  'store.worker_failed': [],
  'store.worker_stopped': [],
  'contract.unknown_channel': [],
  'contract.unknown_event': [],
  'contract.malformed_answer': ['channel'],
  'connection.not_connected': [],
  'connection.lost': [],
  'connection.closed': [],
  'connection.timeout': [],
  'connection.malformed_answer': [],
  'session.logon_refused': ['failures', 'minutes'],
  'session.unlock_refused': [],
  'session.unlock_ended': ['failures', 'minutes'],
  'session.none': [],
  'session.desk_locked': [],
  'session.role_forbidden': ['role', 'channel'],
  'session.channel_forbidden': ['role', 'channel'],
  'account.admin_exists': [],
  'account.exists': ['name'],
  'account.not_found': ['name'],
  'account.own_role': [],
  'flag.not_found': ['id'],
  'flag.taken': ['caseNo', 'state'],
  'flag.taken_by': ['caseNo', 'state', 'by'],
  'reveal.not_held': ['id'],
  'dispatch.not_acknowledged': ['caseNo'],
  'dispatch.already_dispatched': ['caseNo'],
  'dispatch.closed': ['caseNo'],
  'dispatch.unknown_unit': ['unitKey'],
  'dispatch.reason_required': [],
  'dispatch.confirm_not_dispatched': ['caseNo'],
  'dispatch.already_confirmed': ['caseNo'],
  'close.not_acknowledged': ['caseNo'],
  'close.already_closed': ['caseNo'],
  'close.needs_dispatch': ['caseNo', 'outcome'],
  'close.reason_required': ['caseNo', 'risk'],
  'undo_close.not_closed': ['caseNo'],
  'undo_close.other_operator': ['caseNo'],
  'undo_close.too_late': ['caseNo'],
  'followup.none_due': ['id'],
  'followup.wrong_sequence': ['id', 'sequence', 'due'],
  'alarm.imminent_waiting': ['caseNo'],
  'unit.not_found': ['unitKey'],
  'report.no_shift': ['shiftKey'],
  'pdf.desktop_only': [],
  'handover.no_shift': ['shiftId'],
  'handover.too_early': ['shiftId'],
  'handover.roster_signed': ['shiftId'],
  'handover.hash_mismatch': ['shiftId'],
  'handover.already_signed': ['shiftId'],
  'handover.not_signed': ['shiftId'],
  'handover.already_received': ['shiftId', 'by'],
  'handover.same_supervisor': [],
  // Validation (zod issue codes): `field` is the field's path; a form field's name is translated.
  'invalid.too_short': ['field', 'min'],
  'invalid.too_long': ['field', 'max'],
  'invalid.too_small': ['field', 'min'],
  'invalid.too_big': ['field', 'max'],
  'invalid.pattern': ['field', 'rule'],
  'invalid.type': ['field', 'expected'],
  'invalid.value': ['field'],
  'invalid.unknown_keys': ['field', 'keys'],
  'invalid.rule': ['field', 'rule'],
} as const satisfies Record<string, readonly string[]>;

export type ErrorCode = keyof typeof ERROR_CODES;
export type ErrorParamValue = string | number;
/** Exactly the parameters a code names: a missing or extra one fails typecheck where it is thrown. */
export type ErrorParams<C extends ErrorCode> = { [K in (typeof ERROR_CODES)[C][number]]: ErrorParamValue };

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
