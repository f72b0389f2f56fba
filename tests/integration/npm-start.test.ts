// `npm start` as a newcomer or a service manager runs it: a SIGTERM to npm's PID must stop the
// whole tree (npm, the shell, scripts/start.mjs, the headless host), and where Electron cannot run
// the reason is said in plain words. Each test waits for events only: the host's LIFELINE_READY
// line, then the close of the stdout/stderr pipes every process of the tree holds (they close when
// the last holder has exited), and the exit of the process the test spawned.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs helper of scripts/start.mjs
import { inPlainWords, whyElectronCannotRun } from '../../scripts/electron-binary.mjs';
import { tempDir } from '../helpers/temp-store';

const root = path.resolve(__dirname, '../..');

/** Alive and not a zombie (an exited child whose parent has not reaped it yet is gone for us). */
function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function startTree(command: string, args: string[]) {
  const dir = tempDir();
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('LIFELINE_') && name !== 'DISPLAY' && name !== 'WAYLAND_DISPLAY',
    ),
  );
  // out/ is built by npm test (or the global setup); building again here would race other tests.
  const child = spawn(
    command,
    [...args, '--data-dir', path.join(dir, 'data'), '--key-file', path.join(dir, 'db.key'), '--port', '0'],
    { cwd: root, env: { ...env, LIFELINE_START_NO_BUILD: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  const ready = new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /^LIFELINE_READY (.*)$/m.exec(out);
      if (line) resolve((JSON.parse(line[1]!) as { pid: number }).pid);
    });
    child.on('exit', () => reject(new Error(`exited before the host was ready:\n${out}`)));
  });
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const pipesClosed = Promise.all(
    [child.stdout!, child.stderr!].map((s) => new Promise<void>((resolve) => s.on('close', () => resolve()))),
  );
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    (child as ChildProcess).on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, ready, pipesClosed, exited, output: () => out };
}

describe('npm start', () => {
  it('stops the whole tree when npm alone gets SIGTERM, and says in plain words why Electron cannot run', async () => {
    const tree = startTree('npm', ['start', '--']);
    const hostPid = await tree.ready;
    expect(isRunning(hostPid)).toBe(true);
    tree.child.kill('SIGTERM');
    await tree.exited;
    await tree.pipesClosed; // every process that inherited npm's stdout has exited
    expect(isRunning(hostPid)).toBe(false);
    expect(tree.output()).toContain('Electron cannot run here: there is no graphical display');
    expect(tree.output()).not.toContain('fetch failed');
  }, 40_000);

  it('scripts/start.mjs passes SIGTERM to the host and exits after it', async () => {
    const tree = startTree(process.execPath, ['scripts/start.mjs']);
    const hostPid = await tree.ready;
    tree.child.kill('SIGTERM');
    expect(await tree.exited).toEqual({ code: 143, signal: null });
    await tree.pipesClosed;
    expect(isRunning(hostPid)).toBe(false);
  }, 40_000);

  it('names a failed Electron download for what it is, and a missing display', () => {
    expect(inPlainWords('TypeError: fetch failed')).toMatch(/cannot reach the download server/);
    expect(inPlainWords('something else')).toBe('something else');
    expect(whyElectronCannotRun({}, 'linux')).toMatch(/no graphical display/);
    expect(whyElectronCannotRun({ DISPLAY: ':0' }, 'linux')).toBeNull();
    expect(whyElectronCannotRun({}, 'darwin')).toBeNull();
  });
});
