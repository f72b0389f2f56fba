// One console core of the failover test, in its own process so the test can SIGKILL it anywhere:
// the real startConsole on the shared PostgreSQL, polling the test's feed when it holds the lock.
// Prints one JSON line per change of who polls, as this core sees it.
// argv: databaseUrl feedUrl token coreName; the key comes in LIFELINE_DB_KEY.
import { envKeyProvider } from '../../electron/main/core/key/key-provider';
import { startConsole } from '../../electron/main/core/start-console';

const [databaseUrl, feedUrl, token, coreName] = process.argv.slice(2) as [string, string, string, string];

async function run() {
  const running = await startConsole({
    dataDir: '/nonexistent', // PostgreSQL: no data directory is used
    keyProvider: envKeyProvider('LIFELINE_DB_KEY'),
    host: 'headless',
    version: 'failover-test',
    pollIntervalMs: 1000,
    simRate: 0,
    databaseUrl,
    feedUrl,
    token,
    coreName,
  });
  const say = (pollingCore: string | null, state: string) =>
    process.stdout.write(JSON.stringify({ core: coreName, pollingCore, state }) + '\n');
  let last: string | null | undefined;
  const tell = (health: { pollingCore: string | null; state: string }) => {
    if (health.pollingCore === last) return;
    last = health.pollingCore;
    say(health.pollingCore, health.state);
  };
  running.core.subscribe((event, payload) => {
    if (event === 'feedHealth') tell(payload as { pollingCore: string | null; state: string });
  });
  tell(running.core.feedHealth());
}

run().catch((error: unknown) => {
  process.stderr.write(`core failed: ${(error as Error).message}\n`);
  process.exit(1);
});
