// What `lifeline purge`, `export` and `account` share: their options parsed strictly (unknown ones
// are an error naming the command), and the existing database opened with the configured key —
// created only for the first administrator's `account add`, as a host's first start would.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ContractError } from '../../../shared/errors';
import { ENV, resolveHostConfig } from '../core/config/host-config';
import { checkDataPaths, HOST_PATH_LABELS } from '../core/config/data-paths';
import { trackFirstStartCreations, type FirstStartCreations } from '../core/first-start';
import { envKeyProvider, fileKeyProvider, mayCreateDatabase } from '../core/key/key-provider';
import { DATABASE_FILE } from '../core/start-console';
import { openAdminStore } from '../core/open-admin-store';
import { optionError } from './option-error';
import type { StoreAdmin } from '../core/store/store-admin';

export type CommandValues = Record<string, string | boolean | undefined>;

export const DATABASE_OPTIONS_HELP = `  --data-dir DIR          where the encrypted database lives                 [LIFELINE_DATA_DIR]
  --key-file FILE         database key (64 hex chars)                        [LIFELINE_KEY_FILE]
                          or put the key itself in LIFELINE_DB_KEY`;

export function parseCommand(
  command: string,
  args: string[],
  options: ParseArgsConfig['options'],
): CommandValues {
  try {
    return parseArgs({
      args,
      options: {
        ...options,
        'data-dir': { type: 'string' },
        'key-file': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    }).values as CommandValues;
  } catch (error) {
    throw optionError(command, error);
  }
}

/** --by NAME: who does it, recorded in the audit trail (accounts and roles will check it later). */
export function requiredBy(values: CommandValues): string {
  const by = typeof values.by === 'string' ? values.by.trim() : '';
  if (!/^[\p{L}\p{M}\p{N} ._'-]{2,64}$/u.test(by))
    throw new ContractError(
      'invalid_request',
      '--by NAME is required: who does it (2–64 letters, digits, spaces).',
    );
  return by;
}

/**
 * The store for a command (accounts, purge, import, export): the engine is chosen in openAdminStore,
 * and the command sees only the admin interface. With `create` (the first administrator's `account
 * add`), an empty data directory gets a new key and database as at a host's first start — the same
 * rules: paths checked first, never beside an existing key (that means a wrong or unmounted
 * directory), and nothing left behind if the creation fails.
 */
export async function openStoreForCommand(
  values: CommandValues,
  options: { create?: boolean } = {},
): Promise<{ admin: StoreAdmin; file: string }> {
  const { opened, file } = await openForCommand(values, options, openAdminStore);
  return { admin: opened, file };
}

async function openForCommand<T>(
  values: CommandValues,
  options: { create?: boolean },
  open: (file: string, key: Buffer, options: { createIfMissing: boolean }) => T,
): Promise<{ opened: T; file: string }> {
  const config = resolveHostConfig(
    { dataDir: values['data-dir'] as string | undefined, keyFile: values['key-file'] as string | undefined },
    process.env,
  );
  const file = path.join(config.dataDir, DATABASE_FILE);
  const exists = fs.existsSync(file) && fs.statSync(file).size > 0;
  const provider =
    config.keyEnv && typeof values['key-file'] !== 'string'
      ? envKeyProvider(ENV.keyEnv)
      : fileKeyProvider(config.keyFile);
  // Checked first, whether or not this command may create: a --data-dir that is a file is named as
  // such, not as "no database".
  checkDataPaths(
    { dataDir: config.dataDir, databaseFile: file, keyFile: provider.createdFiles?.()[0] },
    HOST_PATH_LABELS,
  );
  if (!exists && !options.create) throw new ContractError('not_found', `No database in ${config.dataDir}.`);
  let created: FirstStartCreations | null = null;
  if (!exists) {
    mayCreateDatabase(provider, { databaseExists: false, init: false, dataDir: config.dataDir });
    created = trackFirstStartCreations([
      config.dataDir,
      ...['', '-wal', '-shm', '-journal'].map((suffix) => file + suffix),
      ...(provider.createdFiles?.() ?? []),
    ]);
  }
  try {
    const key = await provider.obtain({ databaseExists: exists });
    try {
      return { opened: open(file, key, { createIfMissing: !exists }), file };
    } finally {
      key.fill(0);
    }
  } catch (error) {
    created?.undo();
    throw error;
  }
}
