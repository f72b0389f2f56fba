// Which police units exist, for everything that binds to one (a unit account, a unit's desk). One
// function asks the unit table, so when the table becomes an editable registry only this file
// changes: the ids stay the same strings (shared/routing/police-units.ts today).
import { z } from 'zod';
import { policeUnitByKey } from './routing/police-units';

/** A unit id's form: the keys of the unit table. */
export const UNIT_ID_PATTERN = /^[a-z0-9-]{2,48}$/;

/** The one check that a unit id names a unit of the table (or, later, of the registry). */
export function isKnownUnitId(id: string): boolean {
  return UNIT_ID_PATTERN.test(id) && policeUnitByKey(id) !== undefined;
}

/** At most this many units behind one account (a control room that serves several districts). */
export const MAX_ACCOUNT_UNITS = 64;

/** The units a `unit` account acts for: at least one, each known, none twice. */
export const accountUnitsSchema = z
  .array(z.string().regex(UNIT_ID_PATTERN, 'units: unit ids from the unit table'))
  .min(1, 'units: at least one unit')
  .max(MAX_ACCOUNT_UNITS, `units: at most ${MAX_ACCOUNT_UNITS} units`)
  .refine((ids) => ids.every(isKnownUnitId), 'units: every id must name a unit of the unit table')
  .refine((ids) => new Set(ids).size === ids.length, 'units: each unit once');

/** "jodhpur-control-room,jaipur-control-room" as typed on the command line. */
export function parseUnitList(text: string): string[] {
  return text
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

/** Whether a flag's current dispatch went to one of these units (the unit role's need-to-know). */
export function dispatchedToUnits(
  item: { dispatch: { unitKey: string } | null },
  units: readonly string[],
): boolean {
  return item.dispatch !== null && units.includes(item.dispatch.unitKey);
}
