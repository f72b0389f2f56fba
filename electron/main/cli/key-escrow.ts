// `lifeline key-escrow export|restore`: the administrator's encrypted copy of the database key
// (core/key/key-escrow.ts). The passphrase comes from LIFELINE_ESCROW_PASSPHRASE or stdin (typed
// without echo on a terminal), never from an argument, which would stay in the shell's history.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { optionError } from './option-error';
import { ContractError } from '../../../shared/errors';
import { ENV, resolveHostConfig } from '../core/config/host-config';
import { envKeyProvider, fileKeyProvider } from '../core/key/key-provider';
import { checkPassphrase, exportKeyEscrow, restoreKeyEscrow } from '../core/key/key-escrow';
import { authenticateActor } from './authenticate';
import { openStoreForCommand } from './open-for-command';
import { readSecret } from './read-secret';
import { DATABASE_FILE } from '../core/start-console';

export const PASSPHRASE_ENV = 'LIFELINE_ESCROW_PASSPHRASE';

export const KEY_ESCROW_HELP = `Usage: lifeline key-escrow export --out FILE --by NAME [--data-dir DIR] [--key-file FILE]
       lifeline key-escrow restore --in FILE --by NAME [--data-dir DIR] [--key-file FILE]

Administrator only. export writes the database key encrypted with a passphrase (scrypt N=2^17,
AES-256-GCM) to FILE (mode 0600, never over an existing file), after checking the key opens the
database. restore decrypts FILE, checks the key's fingerprint and that it opens the database
(read-only), then writes it to the key file (a different key found there is kept beside it as
db.key.replaced-<time>). Both are recorded in the audit trail with --by.

The passphrase (at least 16 characters) is read from ${PASSPHRASE_ENV}, or else from stdin (on a
terminal it is asked for without echo, twice for export). Never pass it as an argument.

  --out FILE              export: where to write the escrow file
  --in FILE               restore: the escrow file
  --by NAME               the administrator doing it (recorded in the audit trail)
  --data-dir DIR          where the encrypted database lives                 [LIFELINE_DATA_DIR]
  --key-file FILE         the database key file                              [LIFELINE_KEY_FILE]
                          (export also reads the key from LIFELINE_DB_KEY)
On a shared PostgreSQL (LIFELINE_DATABASE_URL set) the key is checked against its keyring instead,
read-only, and the record goes to its audit trail.`;

export async function readPassphrase(confirm: boolean): Promise<string> {
  return readSecret({
    envName: PASSPHRASE_ENV,
    prompt: 'Escrow passphrase: ',
    confirm,
    check: checkPassphrase,
    what: 'passphrase',
  });
}

export async function keyEscrowCommand(args: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: {
        out: { type: 'string' },
        in: { type: 'string' },
        by: { type: 'string' },
        'data-dir': { type: 'string' },
        'key-file': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    throw optionError('key-escrow', error);
  }
  const action = positionals[0];
  if (values.help || action === undefined) {
    console.log(KEY_ESCROW_HELP);
    return values.help ? 0 : 2;
  }
  if (positionals.length !== 1 || (action !== 'export' && action !== 'restore')) {
    throw new ContractError(
      'invalid_request',
      'key-escrow takes "export" or "restore". See lifeline key-escrow --help.',
    );
  }
  const config = resolveHostConfig(
    { dataDir: values['data-dir'] as string | undefined, keyFile: values['key-file'] as string | undefined },
    process.env,
  );
  const databaseFile = path.join(config.dataDir, DATABASE_FILE);
  // A shared PostgreSQL (LIFELINE_DATABASE_URL): the same escrow, its key checked against the keyring.
  const databaseUrl = config.databaseUrl;
  if (!databaseUrl && !fs.existsSync(databaseFile))
    throw new ContractError('not_found', `No database in ${config.dataDir}.`);
  const by = typeof values.by === 'string' ? values.by : undefined;
  if (by === undefined)
    throw new ContractError('invalid_request', '--by NAME is required (the administrator).');

  if (action === 'export') {
    const out = values.out;
    if (typeof out !== 'string') throw new ContractError('invalid_request', 'export needs --out FILE.');
    // An administrator's account and password, checked in the database before the key leaves it.
    // (A restore cannot ask the database: its key is what is missing; holding the escrow file and
    // its passphrase is the authority there, and the restore is audited under --by.)
    const { admin } = await openStoreForCommand(values);
    try {
      await authenticateActor(admin, by, ['administrator'], 'export the key escrow');
    } finally {
      await admin.close();
    }
    const passphrase = await readPassphrase(true);
    const keyProvider =
      config.keyEnv && !values['key-file'] ? envKeyProvider(ENV.keyEnv) : fileKeyProvider(config.keyFile);
    const r = await exportKeyEscrow({ databaseFile, databaseUrl, keyProvider, out, passphrase, by });
    console.log(
      `key escrow written to ${r.file} (mode 0600), key fingerprint ${r.fingerprint}, database schema ${r.schemaVersion}; ` +
        'recorded in the audit trail. Keep the file and the passphrase apart, both offline.',
    );
    return 0;
  }
  const inFile = values.in;
  if (typeof inFile !== 'string') throw new ContractError('invalid_request', 'restore needs --in FILE.');
  const passphrase = await readPassphrase(false);
  const r = await restoreKeyEscrow({
    databaseFile,
    databaseUrl,
    keyProvider: fileKeyProvider(config.keyFile),
    in: inFile,
    passphrase,
    by,
  });
  console.log(
    `key restored to ${config.keyFile} (fingerprint ${r.fingerprint}); it opens ${databaseUrl ? 'the shared PostgreSQL database' : databaseFile} ` +
      `(schema ${r.schemaVersion}); recorded in the audit trail.`,
  );
  return 0;
}
