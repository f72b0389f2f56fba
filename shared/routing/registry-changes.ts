// What a new registry version changes, unit by unit, as codes for the audit trail ("renamed:x",
// "area:y"): an auditor sees which units changed and how without reading two versions side by side.
import type { RegistryUnit, UnitRegistry } from './unit-registry';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function unitChanges(before: RegistryUnit, after: RegistryUnit): string[] {
  const changes: string[] = [];
  if (before.en !== after.en || before.hi !== after.hi) changes.push('renamed');
  if (before.kind !== after.kind) changes.push('kind');
  if (before.district !== after.district) changes.push('district');
  if (!same(before.contacts, after.contacts)) changes.push('contacts');
  if (before.active && !after.active) changes.push('retired');
  if (!before.active && after.active) changes.push('reactivated');
  if (!same(before.replacedBy, after.replacedBy)) changes.push('replaced');
  if (!same(before.area, after.area)) changes.push('area');
  return changes;
}

export function registryChanges(previous: UnitRegistry, next: UnitRegistry): string[] {
  const before = new Map(previous.units.map((u) => [u.id, u]));
  const changes: string[] = [];
  for (const unit of next.units) {
    const old = before.get(unit.id);
    if (!old) changes.push(`added:${unit.id}`);
    else for (const change of unitChanges(old, unit)) changes.push(`${change}:${unit.id}`);
  }
  return changes;
}
