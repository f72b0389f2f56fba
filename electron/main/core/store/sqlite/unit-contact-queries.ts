// Police units' control-room numbers, entered on site by an administrator (every change audited by
// migration 11's triggers). The units themselves are the registry's (registry-queries.ts).
import type { SqliteDatabase } from './open-database';
import type { UnitContact } from '../store-types';
import { unitContactAudit } from '../audit-entries';
import { appendAudit } from './audit-queries';

export function listUnitContacts(db: SqliteDatabase): UnitContact[] {
  return db
    .prepare<[], UnitContact>(
      `SELECT unit_key AS unitKey, contact, changed_by AS changedBy, changed_at_ms AS changedAtMs
       FROM unit_contacts ORDER BY unit_key`,
    )
    .all();
}

export function setUnitContact(
  db: SqliteDatabase,
  unitKey: string,
  contact: string,
  by: string,
  atMs: number,
): UnitContact {
  // That the unit exists is the registry's, checked by the core (console/contract-handlers.ts).
  db.transaction(() => {
    db.prepare(
      `INSERT INTO unit_contacts (unit_key, contact, changed_by, changed_at_ms) VALUES (?, ?, ?, ?)
       ON CONFLICT (unit_key) DO UPDATE SET contact = excluded.contact, changed_by = excluded.changed_by,
         changed_at_ms = excluded.changed_at_ms`,
    ).run(unitKey, contact, by, atMs);
    appendAudit(db, unitContactAudit(unitKey, contact, by, atMs));
  })();
  return { unitKey, contact, changedBy: by, changedAtMs: atMs };
}
