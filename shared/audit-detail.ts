// What of an event's detail may enter the audit trail. The trail is read by people who must not see
// a subject's case, so it keeps codes (states, unit keys, outcome codes), numbers and flags only;
// any other text — a note, a silence reason, the name of the officer called — is replaced by its
// length, so an auditor can still see that something was written. An allowlist, not a denylist: a
// field added later is redacted until someone decides it is a code.

/** Keys whose string values are codes chosen from fixed lists, never typed by a person. */
const CODE_KEYS = new Set([
  'from',
  'to',
  'risk',
  'state',
  'status',
  'outcome',
  'means',
  'unitKey',
  'routedUnitKey',
  'feedState',
  'flagId',
  'stage',
  'change',
  'sha256',
  'shiftKey',
  // the room's devices (core/net): a device's kind, why it was refused, the address it came from
  'deviceKind',
  'refusal',
  'peer',
  // district control rooms (core/units): the channel a unit was refused, its units, a step's kind,
  // how a receipt came (console or telephone), an account's units before and after a change
  'channel',
  'units',
  'step',
  'via',
  'fromUnits',
  'toUnits',
  // a logon refused at a district control room's desk: the account's role, the desk's units
  'accountRole',
  'deviceUnits',
]);
/** Workstation labels and the room's own staff (already the trail's actor column), never a subject. */
const LABEL_KEYS = new Set(['desk', 'operator']);

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$/;
const LABEL = /^[\p{L}\p{M}\p{N} ._-]{1,64}$/u;

function keepString(key: string, value: string): boolean {
  if (CODE_KEYS.has(key)) return CODE.test(value);
  if (LABEL_KEYS.has(key)) return LABEL.test(value);
  return false;
}

function sanitizeObject(source: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value === null || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
    else if (typeof value === 'string') {
      if (keepString(key, value)) out[key] = value;
      else out[`${key}Length`] = value.length;
    } else if (Array.isArray(value)) {
      if (value.every((v) => typeof v === 'number' || (typeof v === 'string' && keepString(key, v))))
        out[key] = value;
      else out[`${key}Count`] = value.length;
    } else if (typeof value === 'object') out[key] = sanitizeObject(value as Record<string, unknown>);
  }
  return out;
}

/** The audit-safe form of a detail_json text (canonical: keys in the source's order). */
export function auditDetailJson(detailJson: string | null): string {
  if (detailJson === null) return '{}';
  let parsed: unknown;
  try {
    parsed = JSON.parse(detailJson);
  } catch {
    // Never let a malformed detail block the operator's action; record only that it was there.
    return JSON.stringify({ unreadableLength: detailJson.length });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return '{}';
  return JSON.stringify(sanitizeObject(parsed as Record<string, unknown>));
}

/**
 * A flag's detail as an auditor may read it: each event's detail in its audit form (the same
 * allowlist as the trail), so close notes, reveal reasons and the names of officers called reach
 * only the roles that work flags. The room's staff in `actor` stay: the trail shows them too.
 */
export function flagDetailForAuditor<T extends { events: { detail: Record<string, unknown> }[] }>(
  detail: T,
): T {
  return {
    ...detail,
    events: detail.events.map((event) => ({
      ...event,
      detail: JSON.parse(auditDetailJson(JSON.stringify(event.detail))) as Record<string, unknown>,
    })),
  };
}
