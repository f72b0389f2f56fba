// Issue #15 item 1, against the real `lifeline host` process (run from source, as tests/helpers/cli.ts
// runs the command line): one bad WebSocket frame from a token holder used to end the process, and
// with it every alarm (in-process, a test runner's own trap would hide that the process dies); and a
// host restarted by its service manager must come back under the same URLs, or no desk reconnects.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { tempDir } from '../helpers/temp-store';

const cli = path.resolve(__dirname, '../../electron/main/cli/index.ts');

interface Running {
  child: ChildProcess;
  port: number;
  url: string;
  wallUrl: string;
  deskToken: string;
  wallToken: string;
  /** Resolves with the exit code if the process ends. */
  exited: Promise<number | null>;
}

let running: Running | undefined;
afterEach(async () => {
  if (running && running.child.exitCode === null) {
    running.child.kill('SIGTERM');
    await running.exited;
  }
  running = undefined;
});

function startHost(dir = tempDir('host-process-')): Promise<Running> {
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir, { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      cli,
      'host',
      '--training',
      '--init',
      '--data-dir',
      path.join(dir, 'data'),
      '--key-file',
      path.join(dir, 'key'),
      '--renderer-dir',
      rendererDir,
    ],
    {
      env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LIFELINE_'))),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /LIFELINE_READY (\{.*\})/.exec(output);
      if (!ready || running) return;
      const { port, url, wallUrl } = JSON.parse(ready[1]!) as { port: number; url: string; wallUrl: string };
      const token = (u: string) => /#token=([^&]+)/.exec(u)![1]!;
      running = { child, port, url, wallUrl, deskToken: token(url), wallToken: token(wallUrl), exited };
      resolve(running);
    });
    void exited.then((code) => reject(new Error(`host exited (${code}) before it was ready`)));
  });
}

function connect(host: Running, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${token}`, {
      origin: `http://127.0.0.1:${host.port}`,
    });
    ws.on('error', () => {});
    ws.once('open', () => resolve(ws));
    ws.once('close', () => reject(new Error('closed before open')));
  });
}

/** Resolves 'answered' when a fresh desk connection gets its answer, or 'exited' if the host died. */
async function answersOrExits(host: Running): Promise<'answered' | 'exited'> {
  const answered = (async () => {
    const ws = await connect(host, host.deskToken);
    const reply = new Promise<unknown>((resolve) =>
      ws.once('message', (d) => resolve(JSON.parse(d.toString()))),
    );
    ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'getFeedHealth', payload: {} }));
    expect(await reply).toMatchObject({ type: 'result', id: 1, result: { ok: true } });
    ws.terminate();
    return 'answered' as const;
  })();
  return Promise.race([answered, host.exited.then(() => 'exited' as const)]);
}

it('the host process survives invalid UTF-8 (C3 28) and an oversized frame from the wall token', async () => {
  const host = await startHost();
  const badText = await connect(host, host.wallToken);
  const badClosed = new Promise<number>((resolve) => badText.once('close', (code) => resolve(code)));
  badText.send(Buffer.from([0xc3, 0x28]), { binary: false });
  expect(await Promise.race([badClosed, host.exited.then(() => 'exited')])).toBe(1007);

  const oversized = await connect(host, host.wallToken);
  const bigClosed = new Promise<number>((resolve) => oversized.once('close', (code) => resolve(code)));
  oversized.send('x'.repeat(256 * 1024 + 1));
  expect(await Promise.race([bigClosed, host.exited.then(() => 'exited')])).toBe(1009);

  expect(await answersOrExits(host)).toBe('answered');
  expect(host.child.exitCode).toBeNull();
}, 60_000);

it('a restarted host keeps its desk and wall URLs (tokens kept owner-only in the data directory)', async () => {
  const dir = tempDir('host-restart-');
  const first = await startHost(dir);
  first.child.kill('SIGTERM');
  await first.exited;
  running = undefined;
  const tokensFile = path.join(dir, 'data', 'host-tokens.json');
  expect(fs.statSync(tokensFile).mode & 0o077).toBe(0);
  const second = await startHost(dir);
  // The port is drawn afresh here (no --port); in service the port is fixed, so the URL is the same.
  expect(second.url.split('#')[1]).toBe(first.url.split('#')[1]);
  expect(second.wallUrl.split('#')[1]).toBe(first.wallUrl.split('#')[1]);
  expect(await answersOrExits(second)).toBe('answered');
}, 60_000);
