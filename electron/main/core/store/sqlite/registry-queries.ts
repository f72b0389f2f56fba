// The unit registry's versions (migration 20): each save is a new row, never changed or removed, and
// its audit entry is written with it (audit-entries.ts). The store keeps and returns registries; the core validates
// them (core/units/unit-registry-service.ts) and routing reads them (shared/routing/).
import { coded, ContractError } from '../../../../../shared/errors';
import type { UnitRegistry } from '../../../../../shared/routing/unit-registry';
import type { SqliteDatabase } from './open-database';
import type { RegistrySave, RegistryVersionSummary, StoredRegistry } from '../store-types';
import { registrySavedAudit } from '../audit-entries';
import { appendAudit } from './audit-queries';

interface Row {
  version: number;
  registry_json: string;
  saved_by: string;
  saved_at_ms: number;
}

const latestVersion = (db: SqliteDatabase) =>
  db.prepare<[], { v: number }>('SELECT coalesce(max(version), 0) AS v FROM unit_registry_versions').get()!.v;

/** The latest saved version; null while none is (the shipped registry is in force). */
export function getUnitRegistry(db: SqliteDatabase): StoredRegistry | null {
  const row = db
    .prepare<[], Row>(
      `SELECT version, registry_json, saved_by, saved_at_ms FROM unit_registry_versions
       ORDER BY version DESC LIMIT 1`,
    )
    .get();
  if (!row) return null;
  return {
    version: row.version,
    registry: JSON.parse(row.registry_json) as UnitRegistry,
    savedBy: row.saved_by,
    savedAtMs: row.saved_at_ms,
  };
}

/** Saves the next version; refused when another was saved since the one the change was made on. */
export function saveUnitRegistry(db: SqliteDatabase, save: RegistrySave): number {
  return db
    .transaction(() => {
      const latest = latestVersion(db);
      if (latest !== save.basedOn)
        throw new ContractError('conflict', coded('registry.stale', { version: latest }), 'basedOn');
      const version = latest + 1;
      db.prepare(
        `INSERT INTO unit_registry_versions
         (version, registry_json, units, changes_json, saved_by, saved_at_ms, source_sha256)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        version,
        JSON.stringify(save.registry),
        save.registry.units.length,
        JSON.stringify(save.changes),
        save.by,
        save.atMs,
        save.sourceSha256,
      );
      appendAudit(
        db,
        registrySavedAudit(
          version,
          save.registry.units.length,
          save.changes,
          save.sourceSha256,
          save.by,
          save.atMs,
        ),
      );
      return version;
    })
    .immediate();
}

export function listRegistryVersions(db: SqliteDatabase): RegistryVersionSummary[] {
  return db
    .prepare<[], RegistryVersionSummary>(
      `SELECT version, saved_by AS savedBy, saved_at_ms AS savedAtMs, units, source_sha256 AS sourceSha256
       FROM unit_registry_versions ORDER BY version DESC`,
    )
    .all();
}
