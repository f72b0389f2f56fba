import fs from 'node:fs';
import { TEST_ROOT } from './helpers/temp-store';

// Test databases hold only invented people, but they are still removed after every run.
export default function setup() {
  fs.rmSync(TEST_ROOT, { recursive: true, force: true });
  return () => fs.rmSync(TEST_ROOT, { recursive: true, force: true });
}
