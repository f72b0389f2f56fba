// A real simulator on loopback, a real poller and an in-process encrypted store, wired together.
import { FeedPoller, defaultFeedConfig, type FeedConfig } from '../../electron/main/core/feed/poller';
import { startSimulator, type Simulator } from '../../electron/main/core/simulator/simulator-server';
import type { CommitPageResult } from '../../electron/main/core/store/store';
import { openTempStore } from './temp-store';

export interface FeedRig {
  sim: Simulator;
  poller: FeedPoller;
  store: ReturnType<typeof openTempStore>;
  committed: CommitPageResult[];
  clock: { now: number };
  close(): Promise<void>;
}

export async function feedRig(
  config: Partial<FeedConfig> = {},
  sim: { secret?: string } = {},
): Promise<FeedRig> {
  const simulator = await startSimulator({ token: 'test-token', secret: sim.secret ?? null, runId: 't' });
  const store = openTempStore();
  const committed: CommitPageResult[] = [];
  const clock = { now: 1_000_000 };
  const poller = new FeedPoller(
    defaultFeedConfig({
      baseUrl: simulator.url,
      token: 'test-token',
      pollIntervalMs: 1000,
      waitSeconds: 0,
      requestSlackMs: 2000,
      ...config,
    }),
    {
      store: store.store,
      now: () => clock.now,
      random: () => 0.5,
      onCommitted: (r) => committed.push(r),
      onHealthChanged: () => {},
    },
  );
  return {
    sim: simulator,
    poller,
    store,
    committed,
    clock,
    async close() {
      await poller.stop();
      await simulator.close();
      store.sync.close();
    },
  };
}
