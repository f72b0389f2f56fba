// A unit's past under a registry that changed since (issue #23). Flags and dispatches keep the unit
// id they were routed or dispatched to; ids are permanent and units are never removed, only retired
// (unit-registry.ts), so every past id still names its unit, under its name of today (a rename keeps
// the id). Reports count by those ids, and can regroup them by the units in force today: a retired
// unit merged into another counts under it; one split into several has no single heir and keeps its
// own line (its past cannot be divided without reading each flag's location again).
import { unitInForce, unitOf, type UnitRegistry } from './unit-registry';

export interface UnitCount {
  /** A unit id; null: no unit (neither dispatched nor routed). */
  key: string | null;
  count: number;
}

export interface UnitInForceCount extends UnitCount {
  /** The retired units whose flags are counted here too. */
  from: string[];
}

/** Counts by unit as dispatched, regrouped by the units in force today; most first. */
export function byUnitsInForce(registry: UnitRegistry, counts: readonly UnitCount[]): UnitInForceCount[] {
  const groups = new Map<string | null, UnitInForceCount>();
  for (const { key, count } of counts) {
    const today = key === null ? null : unitInForce(registry, key);
    const group = groups.get(today) ?? { key: today, count: 0, from: [] };
    group.count += count;
    if (key !== today && key !== null) group.from.push(key);
    groups.set(today, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)));
}

/** A unit's name in a language, as the registry says it today; the id when the registry has no such unit. */
export function unitName(registry: UnitRegistry, id: string, language: 'en' | 'hi'): string {
  return unitOf(registry, id)?.[language] ?? id;
}
