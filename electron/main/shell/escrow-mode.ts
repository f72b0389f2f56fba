// The key escrow in the desktop app, whose key lives in the OS keychain where the `lifeline` CLI
// cannot reach it: started with --export-key-escrow=FILE or --restore-key-escrow=FILE (and
// --by=NAME), the app does that one thing through the safeStorage key provider and exits, without
// opening a window or starting the console. The passphrase comes from LIFELINE_ESCROW_PASSPHRASE
// or stdin, never from an argument.
import type { KeyProvider } from '../core/key/key-provider';
import { exportKeyEscrow, restoreKeyEscrow } from '../core/key/key-escrow';
import { ContractError } from '../../../shared/errors';
import { openAdminStore, openPostgresAdminStore } from '../core/open-admin-store';
import type { StoreAdmin } from '../core/store/store-admin';

export interface EscrowRequest {
  action: 'export' | 'restore';
  file: string;
  by: string | undefined;
}

function value(args: string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  return args.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

export function escrowRequest(args: string[]): EscrowRequest | null {
  const out = value(args, 'export-key-escrow');
  const inFile = value(args, 'restore-key-escrow');
  if (out === undefined && inFile === undefined) return null;
  if (out !== undefined && inFile !== undefined) {
    throw new ContractError('invalid_request', 'Give --export-key-escrow or --restore-key-escrow, not both.');
  }
  const file = out ?? inFile!;
  if (!file) throw new ContractError('invalid_request', 'The key escrow needs a FILE (--…-key-escrow=FILE).');
  return { action: out !== undefined ? 'export' : 'restore', file, by: value(args, 'by') };
}

export async function runEscrowRequest(
  request: EscrowRequest,
  deps: {
    keyProvider: KeyProvider;
    databaseFile: string;
    /** A shared PostgreSQL instead of the file. */
    databaseUrl?: string | undefined;
    passphrase: string;
    /** Export only: the --by account proves itself an administrator in the database first. */
    authenticate?: (store: StoreAdmin, by: string) => Promise<string>;
  },
): Promise<string> {
  const by = request.by ?? '';
  if (request.action === 'export') {
    if (deps.authenticate) {
      const key = await deps.keyProvider.obtain({ databaseExists: true });
      let store: StoreAdmin;
      try {
        store = deps.databaseUrl
          ? await openPostgresAdminStore(deps.databaseUrl, key, { createIfMissing: false })
          : openAdminStore(deps.databaseFile, key, { createIfMissing: false });
      } finally {
        key.fill(0);
      }
      try {
        await deps.authenticate(store, by);
      } finally {
        await store.close();
      }
    }
    const r = await exportKeyEscrow({ ...deps, out: request.file, by });
    return `Key escrow written to ${r.file} (mode 0600), key fingerprint ${r.fingerprint}; recorded in the audit trail.`;
  }
  const r = await restoreKeyEscrow({ ...deps, in: request.file, by });
  return (
    `Key (fingerprint ${r.fingerprint}) restored from ${r.file} and wrapped by this session's keychain; ` +
    `it opens ${deps.databaseUrl ? 'the shared PostgreSQL database' : deps.databaseFile} (schema ${r.schemaVersion}); recorded in the audit trail.`
  );
}
