// `lifeline migrate`: brings a shared PostgreSQL's schema up to date (numbered migrations, each in one
// transaction), after checking the console key against the database's stored verifier. --init makes the
// schema and the keyring on an empty database; --rotate-key adds a new data key and re-seals what may
// be rewritten. The engine is the seam's business (open-admin-store.ts); this only parses and reports.
import { ContractError } from '../../../shared/errors';
import { ENV, resolveHostConfig } from '../core/config/host-config';
import { envKeyProvider, fileKeyProvider } from '../core/key/key-provider';
import { migratePostgres } from '../core/open-admin-store';
import { parseCommand } from './open-for-command';

export const MIGRATE_HELP = `Usage: lifeline migrate [--init] [--rotate-key] [options]

Brings a shared PostgreSQL database's schema up to date. The console key is checked against the
database's key verifier first: a wrong key changes nothing.

  --database-url URL      postgres://user@host:5432/db?sslmode=verify-full&sslrootcert=FILE
                          (no password here: use LIFELINE_DATABASE_URL or PGPASSWORD)
                          without it: the PG* variables (PGHOST, PGPORT, PGUSER,
                          PGDATABASE, PGSSLMODE, PGSSLROOTCERT)             [LIFELINE_DATABASE_URL]
                          off this machine only sslmode=verify-full is accepted
  --key-file FILE         the console key (64 hex chars)                     [LIFELINE_KEY_FILE]
                          or put the key itself in LIFELINE_DB_KEY
  --init                  an empty database: make the schema and the keyring with this key
  --rotate-key            a new data key seals from now on; what may be rewritten is re-sealed
                          (append-only events and signed handovers keep their key, kept wrapped)`;

export async function migrateCommand(args: string[]): Promise<number> {
  const values = parseCommand('migrate', args, {
    'database-url': { type: 'string' },
    init: { type: 'boolean' },
    'rotate-key': { type: 'boolean' },
  });
  if (values.help) {
    console.log(MIGRATE_HELP);
    return 0;
  }
  const config = resolveHostConfig(
    {
      databaseUrl: values['database-url'] as string | undefined,
      keyFile: values['key-file'] as string | undefined,
    },
    process.env,
  );
  if (!config.databaseUrl && !process.env.PGHOST && !process.env.PGDATABASE)
    throw new ContractError(
      'invalid_request',
      'lifeline migrate needs a PostgreSQL database: --database-url, LIFELINE_DATABASE_URL or the PG* variables.',
    );
  const provider =
    config.keyEnv && typeof values['key-file'] !== 'string'
      ? envKeyProvider(ENV.keyEnv)
      : fileKeyProvider(config.keyFile);
  const init = values.init === true;
  // Only --init may make a key (a new installation); otherwise a missing key is an error, never a new database.
  const key = await provider.obtain({ databaseExists: !init });
  try {
    const report = await migratePostgres(config.databaseUrl, key, {
      init,
      rotate: values['rotate-key'] === true,
    });
    console.log(`PostgreSQL ${report.target}: schema version ${report.version}`);
    console.log(
      report.applied.length ? `  applied migrations ${report.applied.join(', ')}` : '  no migration to apply',
    );
    if (report.keyringCreated) console.log('  keyring created (data key 1, wrapped by the console key)');
    if (report.rotatedTo !== null)
      console.log(
        `  data key ${report.rotatedTo} seals from now on; ${report.reencrypted} values re-sealed, ` +
          `${report.keptUnderOldKeys} kept under older keys (append-only)`,
      );
    return 0;
  } finally {
    key.fill(0);
  }
}
