// A first start that fails must leave nothing behind: a key file left from it would make the next,
// correct start refuse ("a key already exists … start once with --init"), and an empty database
// would look like a real one. Before a first start, this notes which of the paths it may create do
// not exist yet (for each, the topmost missing directory); undo() removes exactly those.
import fs from 'node:fs';
import path from 'node:path';

export interface FirstStartCreations {
  undo(): void;
}

function topmostMissing(file: string): string | null {
  let missing: string | null = null;
  let current = path.resolve(file);
  while (!fs.existsSync(current)) {
    missing = current;
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return missing;
}

export function trackFirstStartCreations(paths: readonly string[]): FirstStartCreations {
  const created = [...new Set(paths.map(topmostMissing).filter((p): p is string => p !== null))];
  return {
    undo() {
      for (const p of created) fs.rmSync(p, { recursive: true, force: true });
    },
  };
}
