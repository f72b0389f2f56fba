// Opens the PostgreSQL store: connection settings (TLS rules), then the console key checked against
// the database's stored verifier BEFORE anything is migrated, read or written, then pending
// migrations. A database without the console's keyring is only made ready when the caller may create
// one (a first start, `lifeline migrate --init`): a missing or wrong key never leads to a new, empty
// or unencrypted database.
import os from 'node:os';
import pg from 'pg';
import { ContractError } from '../../../../../shared/errors';
import type { StoreAdmin } from '../store-admin';
import {
  clientConfig,
  describeSettings,
  resolveConnectionSettings,
  type ConnectionSettings,
} from './connection-settings';
import { createKeyring, hasKeyring, loadFieldCrypto } from './keyring';
import { LATEST_PG_SCHEMA_VERSION, migrate, schemaVersion } from './migrations';
import { appendFirstAuditEntry, PgDb } from './pg-db';
import { postgresStore } from './postgres-methods';

export interface OpenPostgresOptions {
  /** --database-url / LIFELINE_DATABASE_URL; without it the PG* variables. */
  url?: string | undefined;
  env?: NodeJS.ProcessEnv;
  /** The console key (32 bytes); only derived keys and a verifier ever reach the server. */
  key: Buffer;
  /** Make the schema and the keyring when the database has none (first start, migrate --init). */
  createIfMissing: boolean;
  /** The workstation named in the audit trail (default: this host's name). */
  desk?: string;
  /** Pool size (default 8). */
  max?: number;
}

export interface PreparedDatabase {
  settings: ConnectionSettings;
  applied: number[];
  created: boolean;
  version: number;
}

/** Checks the key and migrates, on one client: what `lifeline migrate` does and every open does first. */
export async function prepareDatabase(
  client: pg.ClientBase,
  options: OpenPostgresOptions,
): Promise<Omit<PreparedDatabase, 'settings'>> {
  const before = await schemaVersion(client);
  const keyring = before > 0 && (await hasKeyring(client));
  if (keyring) {
    await loadFieldCrypto(client, options.key); // throws on a wrong key, before any change
    const applied = await migrate(client);
    return { applied, created: false, version: LATEST_PG_SCHEMA_VERSION };
  }
  if (!options.createIfMissing)
    throw new ContractError(
      'not_found',
      before === 0
        ? 'This PostgreSQL database has no Lifeline schema. Create it once with `lifeline migrate --init` (with the console key).'
        : 'This PostgreSQL database has no console keyring. Run `lifeline migrate --init` with the console key.',
    );
  const applied = await migrate(client);
  await client.query('BEGIN');
  try {
    // Under the migration lock's table: two first starts at once make one keyring.
    await client.query('LOCK TABLE key_check IN ACCESS EXCLUSIVE MODE');
    if (!(await hasKeyring(client))) {
      const atMs = Date.now();
      await createKeyring(client, options.key, atMs);
      // The trail's first entry, as SQLite's migration 8 writes: an emptied trail shows as such.
      await appendFirstAuditEntry(client, options.desk ?? os.hostname(), atMs);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
  await loadFieldCrypto(client, options.key);
  return { applied, created: true, version: LATEST_PG_SCHEMA_VERSION };
}

export async function openPostgresStore(
  options: OpenPostgresOptions,
): Promise<{ admin: StoreAdmin; db: PgDb; prepared: PreparedDatabase }> {
  const settings = resolveConnectionSettings(options.url, options.env ?? process.env);
  const pool = PgDb.pool({ ...clientConfig(settings), max: options.max ?? 8 });
  try {
    const client = await pool.connect().catch((error: Error) => {
      throw new ContractError(
        'unavailable',
        `Cannot reach PostgreSQL at ${describeSettings(settings)}: ${error.message}`,
      );
    });
    let prepared: Omit<PreparedDatabase, 'settings'>;
    let fieldCrypto;
    try {
      prepared = await prepareDatabase(client, options);
      fieldCrypto = await loadFieldCrypto(client, options.key);
    } finally {
      client.release();
    }
    const db = new PgDb(pool, () => fieldCrypto, options.desk ?? os.hostname());
    return { admin: postgresStore(db, String(prepared.version)), db, prepared: { ...prepared, settings } };
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
}

/**
 * The key escrow's check that a key opens a shared PostgreSQL, read-only (no migration, no keyring made): the schema
 * version when the console key opens the keyring; a ContractError naming what is missing otherwise.
 */
export async function postgresKeyOpens(url: string | undefined, key: Buffer): Promise<number> {
  const settings = resolveConnectionSettings(url, process.env);
  const client = new pg.Client(clientConfig(settings));
  client.on('error', () => {}); // a dropped connection fails the query below instead
  await client.connect().catch((error: Error) => {
    throw new ContractError(
      'unavailable',
      `Cannot reach PostgreSQL at ${describeSettings(settings)}: ${error.message}`,
    );
  });
  try {
    const version = await schemaVersion(client);
    if (version === 0 || !(await hasKeyring(client)))
      throw new ContractError('not_found', `No Lifeline keyring in ${describeSettings(settings)}.`);
    await loadFieldCrypto(client, key); // refuses a wrong key, naming its fingerprint
    return version;
  } finally {
    await client.end().catch(() => {});
  }
}
