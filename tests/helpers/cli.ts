// Runs the `lifeline` command line from source as a child process, with none of the caller's own
// LIFELINE_* settings (a real data directory, a key) — only what the test gives it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const cli = path.resolve(__dirname, '../../electron/main/cli/index.ts');

const withoutLifelineSettings = (env: NodeJS.ProcessEnv) =>
  Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('LIFELINE_')));

export function lifeline(args: string[], env: Record<string, string> = {}, input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    encoding: 'utf8',
    env: { ...withoutLifelineSettings(process.env), ...env },
    timeout: 30_000,
    ...(input === undefined ? {} : { input }),
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
