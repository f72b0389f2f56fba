// The running host's feed health, written beside the database for `lifeline status` (which runs
// in another process). It holds no personal data and no token.
import fs from 'node:fs';
import type { FeedHealth } from '../../../shared/domain';

export function writeHostStatus(file: string, health: FeedHealth): void {
  const body = JSON.stringify({ pid: process.pid, updatedAtMs: Date.now(), feedHealth: health });
  fs.writeFileSync(file + '.tmp', body, { mode: 0o600 });
  fs.renameSync(file + '.tmp', file);
}

export function readHostStatus(file: string): FeedHealth | null {
  try {
    const { pid, feedHealth } = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      pid: number;
      feedHealth: FeedHealth;
    };
    process.kill(pid, 0); // throws when that host is no longer running
    return feedHealth;
  } catch {
    return null;
  }
}
