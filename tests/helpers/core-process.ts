// A console core in a process of its own on a shared PostgreSQL (tests/fault/cluster-core-process.ts),
// for the failover test and the takeover bench: SIGKILL it anywhere, and wait for what it says about
// who polls the feed (one JSON line per change).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
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

/**
 * Two core processes on one database, one polling and one waiting: the failover test's and the
 * takeover bench's rig. killPolling() SIGKILLs the polling one, times the other's takeover, and
 * starts the killed one again as the waiting core.
 */
export class CorePair {
  readonly all = new Set<CoreProcess>();
  polling!: CoreProcess;
  standby!: CoreProcess;

  constructor(
    private readonly url: string,
    private readonly feedUrl: string,
    private readonly token: string,
    private readonly keyHex: string,
  ) {}

  private start(name: string): CoreProcess {
    const core = new CoreProcess(name, this.url, this.feedUrl, this.token, this.keyHex);
    this.all.add(core);
    void core.exited.then(() => this.all.delete(core));
    return core;
  }

  /** The first named polls, the second waits (each says so). */
  async begin(first: string, second: string): Promise<void> {
    this.polling = this.start(first);
    await this.polling.says((l) => l.pollingCore === first);
    this.standby = this.start(second);
    await this.standby.says((l) => l.pollingCore === first);
  }

  /** Milliseconds from the SIGKILL to the other core's word that it polls. */
  async killPolling(): Promise<number> {
    const { polling, standby } = this;
    const killedAt = performance.now();
    polling.child.kill('SIGKILL');
    await standby.says((l) => l.pollingCore === standby.name);
    const took = performance.now() - killedAt;
    await polling.exited;
    this.polling = standby;
    this.standby = this.start(polling.name);
    await this.standby.says((l) => l.pollingCore === standby.name);
    return took;
  }

  async killAll(): Promise<void> {
    for (const core of this.all) core.child.kill('SIGKILL');
    await Promise.all([...this.all].map((c) => c.exited));
  }
}
