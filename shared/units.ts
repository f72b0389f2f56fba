// What binds an account to police units (a district control room's desk). Whether a unit exists is
// the registry in force's answer (core/units/unit-registry.ts isKnownUnit), which an administrator
// edits: this file checks only the list's form, and the core checks each id against the registry.
import { z } from 'zod';

/** A unit id's form: the keys of the unit table. */
export const UNIT_ID_PATTERN = /^[a-z0-9-]{2,48}$/;

/** At most this many units behind one account (a control room that serves several districts). */
export const MAX_ACCOUNT_UNITS = 64;

/** The units a `unit` account acts for: at least one, none twice (each known: unknownUnits). */
export const accountUnitsSchema = z
  .array(z.string().regex(UNIT_ID_PATTERN, 'units: unit ids from the unit table'))
  .min(1, 'units: at least one unit')
  .max(MAX_ACCOUNT_UNITS, `units: at most ${MAX_ACCOUNT_UNITS} units`)
  .refine((ids) => new Set(ids).size === ids.length, 'units: each unit once');

/** The ids the registry in force does not know (isKnown is the core's registry check). */
export function unknownUnits(ids: readonly string[], isKnown: (id: string) => boolean): string[] {
  return ids.filter((id) => !isKnown(id));
}

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
