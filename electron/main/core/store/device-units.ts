// A device's units as both engines store them (sqlite/device-queries.ts, postgres/account-queries.ts):
// one rule, so the two cannot drift.
import { ContractError } from '../../../../shared/errors';
import type { DeviceKind } from './store-types';

/**
 * A district control room's desk has its units (at least one); a wall never has any: it shows the
 * room's queue. The ids themselves were checked against the registry by the caller.
 */
export function deviceUnitsColumn(kind: DeviceKind, units: readonly string[] | undefined): string | null {
  if (units === undefined) return null;
  if (kind !== 'desk')
    throw new ContractError('invalid_request', '--units: only a desk is enrolled for units.', 'units');
  if (units.length === 0 || new Set(units).size !== units.length)
    throw new ContractError('invalid_request', '--units: at least one unit, each once.', 'units');
  return JSON.stringify([...units]);
}
