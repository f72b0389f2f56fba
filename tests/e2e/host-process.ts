// Runs the built `lifeline host` as a child process, as `npm start` does where Electron is missing.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface HostProcess {
  url: string;
  wallUrl: string;
  port: number;
  pid: number;
  output: () => string;
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, '../..');

export function startHostProcess(args: string[], env: Record<string, string> = {}): Promise<HostProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, 'bin/lifeline.cjs'), 'host', ...args],
    {
      cwd: root,
      // The caller's own LIFELINE_* settings (a real data directory, a key) never reach a test host.
      env: {
        ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LIFELINE_'))),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /LIFELINE_READY (\{.*\})/.exec(output);
      if (!ready) return;
      child.stdout!.off('data', onData);
      child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
      const { url, wallUrl, port, pid } = JSON.parse(ready[1]!) as {
        url: string;
        wallUrl: string;
        port: number;
        pid: number;
      };
      resolve({
        url,
        wallUrl,
        pid,
        port,
        output: () => output,
        async stop() {
          child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => reject(new Error(`host exited (${code}) before it was ready:\n${output}`)));
  });
}
