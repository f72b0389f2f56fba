// The unit registry's versions on PostgreSQL (migration 3, as SQLite's 20): each save a new row, never
// changed or removed (a trigger refuses both), with its audit entry (../audit-entries.ts, as on SQLite), in the
// same transaction. The core validates registries (core/units/); routing reads them (shared/routing/).
import { registrySavedAudit } from '../audit-entries';
import { coded, ContractError } from '../../../../../shared/errors';
import type { UnitRegistry } from '../../../../../shared/routing/unit-registry';
import type { RegistrySave, RegistryVersionSummary, StoredRegistry } from '../store-types';
import type { Tx } from './pg-db';

/** Two cores saving at once take turns, so the second finds itself stale rather than colliding. */
const REGISTRY_LOCK = 0x4c49_4652_4547;

export async function getUnitRegistry(tx: Tx): Promise<StoredRegistry | null> {
  const row = await tx.one<{ version: number; registry_json: string; saved_by: string; saved_at_ms: number }>(
    `SELECT version, registry_json, saved_by, saved_at_ms FROM unit_registry_versions
     ORDER BY version DESC LIMIT 1`,
  );
  if (!row) return null;
  return {
    version: row.version,
    registry: JSON.parse(row.registry_json) as UnitRegistry,
    savedBy: row.saved_by,
    savedAtMs: row.saved_at_ms,
  };
}

/** Saves the next version; refused when another was saved since the one the change was made on. */
export async function saveUnitRegistry(tx: Tx, save: RegistrySave): Promise<number> {
  await tx.run('SELECT pg_advisory_xact_lock($1)', [REGISTRY_LOCK]);
  const latest = (await tx.one<{ v: number }>(
    'SELECT coalesce(max(version), 0)::int AS v FROM unit_registry_versions',
  ))!.v;
  if (latest !== save.basedOn)
    throw new ContractError('conflict', coded('registry.stale', { version: latest }), 'basedOn');
  const version = latest + 1;
  const units = save.registry.units.length;
  await tx.run(
    `INSERT INTO unit_registry_versions
       (version, registry_json, units, changes_json, saved_by, saved_at_ms, source_sha256)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      version,
      JSON.stringify(save.registry),
      units,
      JSON.stringify(save.changes),
      save.by,
      save.atMs,
      save.sourceSha256,
    ],
  );
  tx.audit(registrySavedAudit(version, units, save.changes, save.sourceSha256, save.by, save.atMs));
  return version;
}

export async function listRegistryVersions(tx: Tx): Promise<RegistryVersionSummary[]> {
  return tx.query<RegistryVersionSummary & Record<string, unknown>>(
    `SELECT version, saved_by AS "savedBy", saved_at_ms AS "savedAtMs", units, source_sha256 AS "sourceSha256"
     FROM unit_registry_versions ORDER BY version DESC`,
  );
}
