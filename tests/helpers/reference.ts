// ../shared/reference/, beside the clone: independent data the project's own district table and
// map are checked against. Its README forbids copying it into the project, so a fresh clone does
// not have it. A test that needs it then does not pass quietly: outside CI it is skipped with the
// reason printed (and counted as skipped in npm test's closing line); in CI (CI=true), where
// .ci/run lays the workplace's shared/ beside the clone, its absence fails the test, so CI can
// never pass without checking.
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';

export const REFERENCE_DIR = path.resolve(__dirname, '../../../shared/reference');

const inCi = () => process.env.CI === 'true' || process.env.CI === '1';

/** `it`, run when the reference file exists; otherwise skipped with its reason, or failed in CI. */
export function itWithReference(name: string, fileName: string, test: (file: string) => void): void {
  const file = path.join(REFERENCE_DIR, fileName);
  if (fs.existsSync(file)) {
    it(name, () => test(file));
    return;
  }
  const reason = `${file} is missing (../shared/reference/ lies beside the clone in the workplace and in CI)`;
  if (inCi()) {
    it(name, () => {
      throw new Error(`CI=true but ${reason}: this check must run in CI.`);
    });
    return;
  }
  console.warn(`Skipping "${name}": ${reason}.`);
  it(name, (context) => context.skip(reason));
}
