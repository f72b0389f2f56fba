// The store's engines, opened alike for the shared suite (tests/integration/store-contract.ts): the
// embedded SQLite and PostgreSQL (a database of its own per test on the server tests/global-setup.ts
// found; no server is a failure, never a skip). Each gives the admin interface plus a raw SQL hook for
// the checks that must go around the store (append-only triggers, the audit rows).
import crypto from 'node:crypto';
import path from 'node:path';
import { openAdminStore } from '../../electron/main/core/open-admin-store';
import { openEncryptedDatabase } from '../../electron/main/core/store/sqlite/open-database';
import { openPostgresStore } from '../../electron/main/core/store/postgres/open-postgres';
import type { StoreAdmin } from '../../electron/main/core/store/store-admin';
import type { AuditEntry } from '../../electron/main/core/store/audit-hash';
import { createTestDatabase } from './test-pg';
import { tempDir } from './temp-store';

export interface OpenedEngine {
  store: StoreAdmin;
  /** Runs SQL around the store (positional parameters: ? for SQLite, $n for PostgreSQL). */
  raw(sql: string, params?: unknown[]): Promise<unknown>;
  auditRows(): Promise<AuditEntry[]>;
  /** A second store on the same database (another process, another core). */
  another(): Promise<StoreAdmin>;
  close(): Promise<void>;
}

export interface Engine {
  name: 'sqlite' | 'postgres';
  /** The same statement in each engine's dialect. */
  sql(sqlite: string, postgres: string): string;
  open(): Promise<OpenedEngine>;
}

export const sqliteEngine: Engine = {
  name: 'sqlite',
  sql: (sqlite) => sqlite,
  async open() {
    const file = path.join(tempDir(), 'lifeline.db');
    const key = crypto.randomBytes(32);
    const store = openAdminStore(file, key, { createIfMissing: true });
    const db = openEncryptedDatabase(file, key, { createIfMissing: false });
    const others: StoreAdmin[] = [];
    return {
      store,
      async raw(sql, params = []) {
        const statement = db.prepare(sql);
        return statement.reader ? statement.all(...params) : statement.run(...params);
      },
      async auditRows() {
        return db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditEntry[];
      },
      async another() {
        const s = openAdminStore(file, key, { createIfMissing: false });
        others.push(s);
        return s;
      },
      async close() {
        for (const s of others) await s.close();
        await store.close();
        db.close();
      },
    };
  },
};

export const postgresEngine: Engine = {
  name: 'postgres',
  sql: (_sqlite, postgres) => postgres,
  async open() {
    const database = await createTestDatabase();
    const key = crypto.randomBytes(32);
    const opened = await openPostgresStore({
      url: database.url,
      key,
      createIfMissing: true,
      desk: 'test-desk',
    });
    const others: StoreAdmin[] = [];
    return {
      store: opened.admin,
      async raw(sql, params = []) {
        return (await opened.db.pool.query(sql, params)).rows;
      },
      async auditRows() {
        return (await opened.db.pool.query('SELECT * FROM audit_log ORDER BY seq')).rows as AuditEntry[];
      },
      async another() {
        const s = (
          await openPostgresStore({ url: database.url, key, createIfMissing: false, desk: 'test-desk-2' })
        ).admin;
        others.push(s);
        return s;
      },
      async close() {
        for (const s of others) await s.close();
        await opened.admin.close();
        await database.drop();
      },
    };
  },
};
