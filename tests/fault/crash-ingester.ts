// The ingesting process of the crash test: a real poller into the real encrypted store, in its
// own process so the test can SIGKILL it anywhere — mid-fetch, mid-transaction, mid-commit.
// argv: dbFile keyHex feedUrl [--until-caught-up]
import { FeedPoller, defaultFeedConfig } from '../../electron/main/core/feed/poller';
import { SqliteStore, inProcessStore } from '../../electron/main/core/store/sqlite/sqlite-store';

const [file, keyHex, feedUrl, mode] = process.argv.slice(2) as [string, string, string, string | undefined];
const store = inProcessStore(SqliteStore.open(file, Buffer.from(keyHex, 'hex'), { createIfMissing: true }));
const poller = new FeedPoller(
  defaultFeedConfig({
    baseUrl: feedUrl,
    token: 'crash-token',
    pollIntervalMs: 250,
    waitSeconds: 0,
    limit: 17,
  }),
  { store, now: Date.now, random: Math.random, onCommitted: () => {}, onHealthChanged: () => {} },
);

async function run() {
  process.stdout.write('ready\n');
  for (;;) {
    const outcome = await poller.pollOnce();
    if (outcome.kind === 'nothing_new' && mode === '--until-caught-up') break;
    if (outcome.kind === 'failed') await new Promise((r) => setTimeout(r, 50));
  }
  await store.close();
  process.stdout.write('caught-up\n');
}
void run();
