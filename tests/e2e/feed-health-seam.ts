// Test-only seam: a page's feed health as another core would report it. A single-core SQLite host
// cannot lose a shared store or see another core polling, so the test rewrites the health the host
// sends (the `feedHealth` event and the answer to `getFeedHealth`) on its way to the page, as
// accounts.spec.ts rewrites a session. Only the page's words are tested this way; the core's own
// detection of an unreachable store and of who polls is tested on the core's side.
import type { Page } from '@playwright/test';
import type { FeedHealth } from '../../shared/domain';

export interface HealthSeam {
  /** Laid over every health the page receives from now on; null passes the host's as it is. */
  patch: Partial<FeedHealth> | null;
}

/** Routes the page's WebSocket through the test. Call before the page opens its link. */
export async function feedHealthSeam(page: Page): Promise<HealthSeam> {
  const seam: HealthSeam = { patch: null };
  const healthReads = new Set<number>();
  await page.routeWebSocket(/\/ws/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const sent = JSON.parse(String(message)) as { id?: number; channel?: string };
      if (sent.channel === 'getFeedHealth' && sent.id !== undefined) healthReads.add(sent.id);
      server.send(message);
    });
    server.onMessage((message) => {
      const got = JSON.parse(String(message)) as {
        type?: string;
        id?: number;
        event?: string;
        payload?: FeedHealth;
        result?: { ok: boolean; value?: FeedHealth };
      };
      if (seam.patch && got.type === 'event' && got.event === 'feedHealth' && got.payload)
        got.payload = { ...got.payload, ...seam.patch };
      if (seam.patch && got.type === 'result' && healthReads.has(got.id!) && got.result?.value)
        got.result.value = { ...got.result.value, ...seam.patch };
      ws.send(JSON.stringify(got));
    });
  });
  return seam;
}

/** This core lost its PostgreSQL: as the lead's core reports it (no poller named, an alarm). */
export const STORE_UNREACHABLE: Partial<FeedHealth> = {
  state: 'store_unreachable',
  alarm: true,
  pollingCore: null,
  thisCore: 'KOTA-1',
  lastError: { kind: 'store_unreachable', message: 'connect ECONNREFUSED 127.0.0.1:5432' },
};

/** Several cores on one PostgreSQL: this page's core is KOTA-1, KOTA-2 polls the feed. */
export const OTHER_CORE_POLLS: Partial<FeedHealth> = { pollingCore: 'KOTA-2', thisCore: 'KOTA-1' };
