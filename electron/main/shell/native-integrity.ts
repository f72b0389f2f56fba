// The native SQLite module (better-sqlite3-multiple-ciphers' .node file) cannot live inside app.asar:
// the OS loads it from app.asar.unpacked, which the asar integrity fuse does not cover. So the
// SHA-256 of every .node file is recorded at packaging into native-integrity.json, which is packed
// INSIDE app.asar (scripts/native-integrity-*.cjs), and checked here before the store opens: an
// unpacked .node file that is not in the list, or differs from it, stops the app with an error.
// Protects against: a .node file swapped in the install directory by someone who cannot re-sign
// the app (on macOS and Windows the manifest itself is under the asar integrity check).
// Does not protect against: an attacker who can rewrite app.asar where the integrity fuse does not
// apply (Linux: there the install directory's permissions are the control), nor a swap between
// this check and the module's load (a window of milliseconds, by someone already writing there).
// Plain Node, no `electron` import, so a unit test checks it on temporary files.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const NATIVE_MANIFEST = 'native-integrity.json';

const manifestSchema = z
  .object({
    algorithm: z.literal('sha256'),
    /** Path under node_modules (forward slashes) → hex SHA-256. */
    files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/, 'files: a hex SHA-256 per file')),
  })
  .strict();

export function sha256File(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function nativeFiles(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return nativeFiles(full, base);
    return entry.name.endsWith('.node') ? [path.relative(base, full).split(path.sep).join('/')] : [];
  });
}

/**
 * Checks every .node file under `unpackedNodeModules` against the manifest. Throws an error naming
 * the file and the rule; returns the number of files checked.
 */
export function verifyNativeIntegrity(manifestFile: string, unpackedNodeModules: string): number {
  let manifest: z.infer<typeof manifestSchema>;
  try {
    manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(manifestFile, 'utf8')));
  } catch (error) {
    const reason = error instanceof z.ZodError ? error.issues[0]?.message : (error as Error).name;
    throw new Error(`Native module check: ${NATIVE_MANIFEST} missing or unreadable (${reason}).`, {
      cause: error,
    });
  }
  const found = nativeFiles(unpackedNodeModules);
  for (const relative of found) {
    const expected = manifest.files[relative];
    if (expected === undefined)
      throw new Error(`Native module check: ${relative} is not in the list recorded at packaging.`);
    if (sha256File(path.join(unpackedNodeModules, relative)) !== expected)
      throw new Error(`Native module check: ${relative} differs from the file recorded at packaging.`);
  }
  return found.length;
}
