import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// One directory per run (runs of several sessions on one machine must not remove each other's
// databases); test databases hold only invented people, and are still removed after the run.
export default function setup() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-vitest-'));
  process.env.LIFELINE_TEST_ROOT = root;
  return () => fs.rmSync(root, { recursive: true, force: true });
}
