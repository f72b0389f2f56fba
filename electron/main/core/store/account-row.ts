// An account as both engines keep it (the units as JSON text in one column), and what an update
// makes of it: one mapping and one units rule, so the engines cannot disagree on either.
import { isLockedOut, type AccountRole, type AccountSummary } from '../../../../shared/accounts';
import { coded, ContractError } from '../../../../shared/errors';
import type { AccountRecord } from './store-types';

export type AccountRow = Omit<AccountRecord, 'units'> & { units: string | null };
export const ACCOUNT_COLUMNS = 'name, role, password_hash, locked_at_ms, units';

export const unitsOfColumn = (units: string | null) =>
  units === null ? null : (JSON.parse(units) as string[]);

export const accountOf = (row: AccountRow): AccountRecord => ({ ...row, units: unitsOfColumn(row.units) });

/** What the desks see of an account: locked means locked at nowMs (a lock that ran its time is open). */
export const accountSummaryOf = (
  a: Pick<AccountRecord, 'name' | 'role' | 'locked_at_ms' | 'units'>,
  nowMs: number,
): AccountSummary => ({
  name: a.name,
  role: a.role,
  locked: isLockedOut(a.locked_at_ms, nowMs),
  ...(a.units ? { units: a.units } : {}),
});

/**
 * The units column: a unit account has its units and no other account has any (SQLite's migration
 * 21 and PostgreSQL's 3 CHECK the same); the ids themselves were checked against the unit table by
 * the caller (shared/units.ts).
 */
export function unitsColumn(role: AccountRole, units: readonly string[] | null | undefined): string | null {
  if (role === 'unit') {
    if (!units || units.length === 0)
      throw new ContractError('invalid_request', coded('account.units_required', {}), 'units');
    return JSON.stringify([...units]);
  }
  if (units && units.length > 0)
    throw new ContractError('invalid_request', coded('account.units_only_for_unit', {}), 'units');
  return null;
}

export interface AccountChange {
  role?: AccountRole;
  lockedAtMs?: number | null;
  passwordHash?: string;
  units?: readonly string[] | null;
}

/** The account after a change, and its units column to write. */
export function changedAccount(current: AccountRecord, change: AccountChange) {
  const role = change.role ?? current.role;
  // A role change away from unit drops the units; to unit (or a unit's new units) needs them.
  const units = unitsColumn(
    role,
    change.units !== undefined ? change.units : role === 'unit' ? current.units : null,
  );
  const next = {
    role,
    locked_at_ms: change.lockedAtMs === undefined ? current.locked_at_ms : change.lockedAtMs,
    password_hash: change.passwordHash ?? current.password_hash,
    units: unitsOfColumn(units),
  };
  return { next, units };
}
