// The unit registry in force in this process: what ingest routes with, what a dispatch may name, and
// what a district's account may be bound to (isKnownUnit, activeUnits). It is the store's latest
// version, loaded when a core starts and replaced on every save made through here; until a version is
// saved it is the shipped one (version 0). One per process, like the routing data it extends: the
// poller and the file import route with it without being handed it.
import { coded, ContractError } from '../../../../shared/errors';
import { registryChanges } from '../../../../shared/routing/registry-changes';
import {
  checkRegistry,
  DEFAULT_UNIT_REGISTRY,
  missingUnits,
  unitOf,
  type RegistryUnit,
  type RegistryVersion,
  type UnitRegistry,
} from '../../../../shared/routing/unit-registry';
import type { Store, StoredRegistry } from '../store/store';

const SHIPPED: RegistryVersion = {
  version: 0,
  registry: DEFAULT_UNIT_REGISTRY,
  savedBy: null,
  savedAtMs: null,
};
let inForce: RegistryVersion = SHIPPED;

export const currentUnitRegistry = (): RegistryVersion => inForce;

/** Whether a unit id names a unit of the registry, active or not (an account may stay bound to a retired one). */
export const isKnownUnit = (id: string): boolean => unitOf(inForce.registry, id) !== undefined;

/** The units that may receive flags today. */
export const activeUnits = (): RegistryUnit[] => inForce.registry.units.filter((u) => u.active);

/** Puts a stored version (or, with none, the shipped one) in force. */
export function putInForce(stored: StoredRegistry | null): RegistryVersion {
  inForce = stored ?? SHIPPED;
  return inForce;
}

/** Reads the store's latest version into force (a core's start, a CLI command). */
export async function loadUnitRegistry(store: Pick<Store, 'getUnitRegistry'>): Promise<RegistryVersion> {
  return putInForce(await store.getUnitRegistry());
}

/** For tests: the shipped registry again. */
export function resetUnitRegistry(): void {
  inForce = SHIPPED;
}

/** Validates a registry (an edit, an import) into a refusal naming the first broken field and rule. */
export function validRegistry(input: unknown, previous: UnitRegistry): UnitRegistry {
  const checked = checkRegistry(input);
  if (!checked.ok) {
    const first = checked.problems[0]!;
    throw new ContractError(
      'invalid_request',
      coded('registry.invalid', { path: first.path, rule: first.rule }),
      first.path,
    );
  }
  const missing = missingUnits(previous, checked.registry);
  if (missing.length > 0)
    throw new ContractError(
      'invalid_request',
      coded('registry.unit_removed', { unitKey: missing[0]! }),
      'units',
    );
  return checked.registry;
}

export interface RegistryChange {
  registry: unknown;
  /** The version the change was made on (a desk's copy may be older than the store's). */
  basedOn: number;
  by: string;
  atMs: number;
  sourceSha256?: string | null;
}

/** Validates, saves (a new version, audited by the store) and puts the new version in force. */
export async function changeUnitRegistry(
  store: Pick<Store, 'getUnitRegistry' | 'saveUnitRegistry'>,
  change: RegistryChange,
): Promise<RegistryVersion> {
  const latest = await loadUnitRegistry(store);
  if (change.basedOn !== latest.version)
    throw new ContractError('conflict', coded('registry.stale', { version: latest.version }), 'basedOn');
  const registry = validRegistry(change.registry, latest.registry);
  const version = await store.saveUnitRegistry({
    registry,
    basedOn: latest.version,
    changes: registryChanges(latest.registry, registry),
    by: change.by,
    atMs: change.atMs,
    sourceSha256: change.sourceSha256 ?? null,
  });
  inForce = { version, registry, savedBy: change.by, savedAtMs: change.atMs };
  return inForce;
}
