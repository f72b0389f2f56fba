// The data directory and the key file are checked before anything is created in them. Without
// this, a --data-dir naming a file got as far as the store worker (after the key file had been
// written), failed there with a bare ENOTDIR, and the key it left behind refused the next,
// correct start as "a key already exists". Each rule names the flag, the path and what it must be.
import fs from 'node:fs';
import path from 'node:path';
import { ContractError } from '../../../../shared/errors';

export interface DataPathLabels {
  /** How the person who started it named the data directory, e.g. "--data-dir / LIFELINE_DATA_DIR". */
  dataDir: string;
  keyFile: string;
}

export const HOST_PATH_LABELS: DataPathLabels = {
  dataDir: '--data-dir / LIFELINE_DATA_DIR',
  keyFile: '--key-file / LIFELINE_KEY_FILE',
};

function kindOf(file: string): 'directory' | 'file' | 'other' | null {
  try {
    const stat = fs.statSync(file);
    return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

/** The nearest ancestor of a path that does not exist yet, which will have to hold what is created. */
function nearestExisting(file: string): string {
  let dir = path.dirname(path.resolve(file));
  while (kindOf(dir) === null && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

function fail(label: string, message: string, field: string): never {
  throw new ContractError('invalid_request', `Configuration ${label}: ${message}`, field);
}

/** Where something may be created: its nearest existing ancestor is a directory we can write in. */
function checkCreatable(target: string, label: string, field: string, what: string): void {
  const holder = nearestExisting(target);
  if (kindOf(holder) !== 'directory')
    fail(label, `${target} cannot be created: ${holder} is a file, not a directory. ${what}`, field);
  try {
    fs.accessSync(holder, fs.constants.W_OK | fs.constants.X_OK);
  } catch {
    fail(label, `${target} cannot be created: ${holder} is not writable by this user. ${what}`, field);
  }
}

/** The desktop app's paths are its own (under userData), so they are named plainly. */
const PLAIN_LABELS: DataPathLabels = { dataDir: 'data directory', keyFile: 'key file' };

export function checkDataPaths(
  paths: { dataDir: string; databaseFile: string; keyFile?: string | undefined },
  labels: DataPathLabels = PLAIN_LABELS,
): void {
  const dirRule = 'It must be a directory, or a path that can be created as one.';
  const dirKind = kindOf(paths.dataDir);
  if (dirKind === null) checkCreatable(paths.dataDir, labels.dataDir, 'dataDir', dirRule);
  else if (dirKind !== 'directory')
    fail(
      labels.dataDir,
      `${paths.dataDir} is a ${dirKind === 'file' ? 'file' : 'special file'}. ${dirRule}`,
      'dataDir',
    );
  else {
    const dbKind = kindOf(paths.databaseFile);
    if (dbKind !== null && dbKind !== 'file')
      fail(
        labels.dataDir,
        `${paths.databaseFile} is not a file. The database must be a regular file.`,
        'dataDir',
      );
  }
  if (paths.keyFile === undefined) return;
  const keyRule = 'It must be a file, or a path where one can be created.';
  const keyKind = kindOf(paths.keyFile);
  if (keyKind === null) checkCreatable(paths.keyFile, labels.keyFile, 'keyFile', keyRule);
  else if (keyKind !== 'file')
    fail(
      labels.keyFile,
      `${paths.keyFile} is a ${keyKind === 'directory' ? 'directory' : 'special file'}. ${keyRule}`,
      'keyFile',
    );
}
