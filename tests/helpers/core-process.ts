// A console core in a process of its own on a shared PostgreSQL (tests/fault/cluster-core-process.ts),
// for the failover test and the takeover bench: SIGKILL it anywhere, and wait for what it says about
// who polls the feed (one JSON line per change).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const entry = path.resolve(__dirname, '../fault/cluster-core-process.ts');

export interface CoreLine {
  core: string;
  pollingCore: string | null;
  state: string;
}

/** A core process, and a way to wait for the next thing it says that passes a check. */
export class CoreProcess {
  readonly child: ChildProcess;
  private readonly waiters = new Set<{ ok: (l: CoreLine) => boolean; resolve: (l: CoreLine) => void }>();
  last: CoreLine | null = null;
  stderr = '';
  readonly exited: Promise<void>;

  constructor(
    readonly name: string,
    url: string,
    feedUrl: string,
    token: string,
    keyHex: string,
  ) {
    this.child = spawn(process.execPath, ['--import', 'tsx', entry, url, feedUrl, token, name], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LIFELINE_DB_KEY: keyHex },
    });
    this.child.stderr!.on('data', (c: Buffer) => (this.stderr = (this.stderr + c.toString()).slice(-4000)));
    readline.createInterface({ input: this.child.stdout! }).on('line', (text) => {
      const line = JSON.parse(text) as CoreLine;
      this.last = line;
      for (const w of [...this.waiters])
        if (w.ok(line)) {
          this.waiters.delete(w);
          w.resolve(line);
        }
    });
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
  }

  says(ok: (l: CoreLine) => boolean): Promise<CoreLine> {
    if (this.last && ok(this.last)) return Promise.resolve(this.last);
    return new Promise((resolve, reject) => {
      this.waiters.add({ ok, resolve });
      void this.exited.then(() => reject(new Error(`core ${this.name} exited: ${this.stderr}`)));
    });
  }
}
