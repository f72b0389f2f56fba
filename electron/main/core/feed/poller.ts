// The feed poller: the protocol's cursor loop. A page is committed with its next_cursor in one
// store transaction; the cursor sent next is always read back from the store, so a crash at any
// moment resumes from the last committed page and redelivery is absorbed by idempotent ingest.
import { MAX_PAGE_BYTES, parsePageBody } from '../../../../shared/feed/page-schema';
import { prepareRecords } from '../ingest/prepare-records';
import type { CommitPageResult, Store } from '../store/store';
import { backoffDelayMs, parseRetryAfter } from './backoff';
import { FeedHealthTracker, type FailureKind } from './feed-health';
import { fetchPage, type FetchOutcome } from './fetch-page';
import { checkSignature } from './signature';

export interface FeedConfig {
  baseUrl: string;
  token: string;
  /** Shared secret for X-Signature; when set, unsigned or wrongly signed pages are refused. */
  secret: string | null;
  pollIntervalMs: number;
  /** Page size, 1..500. */
  limit: number;
  /** Long-poll wait sent to the server, seconds (0–30). */
  waitSeconds: number;
  /** Request deadline on top of the wait. */
  requestSlackMs: number;
  maxPageBytes: number;
  backoffCapMs: number;
  feedKey: string;
  training: boolean;
  /** This core's name, shown to the room as the core polling (several may share one PostgreSQL). */
  coreName?: string;
}

export function defaultFeedConfig(
  partial: Pick<FeedConfig, 'baseUrl' | 'token'> & Partial<FeedConfig>,
): FeedConfig {
  const pollIntervalMs = partial.pollIntervalMs ?? 2000;
  return {
    secret: null,
    limit: 100,
    waitSeconds: Math.min(30, Math.floor(pollIntervalMs / 1000)),
    requestSlackMs: 10_000,
    maxPageBytes: MAX_PAGE_BYTES,
    backoffCapMs: 60_000,
    feedKey: 'default',
    training: false,
    ...partial,
    pollIntervalMs,
  };
}

export type PollOutcome =
  | { kind: 'committed'; hasMore: boolean; result: CommitPageResult; elapsedMs: number }
  | { kind: 'nothing_new'; elapsedMs: number }
  | { kind: 'failed'; failure: FailureKind; retryAfterMs: number | null };

export interface PollerDeps {
  store: Store;
  now: () => number;
  random: () => number;
  onCommitted: (result: CommitPageResult) => void;
  onHealthChanged: () => void;
}

export class FeedPoller {
  readonly health: FeedHealthTracker;
  private running = false;
  private loop: Promise<void> | null = null;
  private abort = new AbortController();
  private wake: (() => void) | null = null;

  constructor(
    private readonly config: FeedConfig,
    private readonly deps: PollerDeps,
  ) {
    this.health = new FeedHealthTracker(
      config.training ? 'simulator' : 'feed',
      config.pollIntervalMs,
      deps.now(),
      config.coreName,
    );
  }

  start(): void {
    if (this.running) return;
    this.health.markStarted(this.deps.now());
    this.running = true;
    this.abort = new AbortController();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.abort.abort();
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let outcome: PollOutcome;
      try {
        outcome = await this.pollOnce();
      } catch (error) {
        // The store refused the page (disk full, worker gone): nothing advanced; retry with backoff.
        this.health.recordFailure(this.deps.now(), 'server_error', `store: ${(error as Error).message}`);
        this.deps.onHealthChanged();
        outcome = { kind: 'failed', failure: 'server_error', retryAfterMs: null };
      }
      if (!this.running) break;
      await this.sleep(this.delayAfter(outcome));
    }
  }

  /** One request and, if it brings a valid page, one committed transaction. */
  async pollOnce(): Promise<PollOutcome> {
    const started = this.deps.now();
    const cursor = await this.deps.store.getCursor(this.config.feedKey);
    const fetched = await fetchPage({
      url: this.pageUrl(cursor),
      token: this.config.token,
      timeoutMs: this.config.waitSeconds * 1000 + this.config.requestSlackMs,
      maxBytes: this.config.maxPageBytes,
      signal: this.abort.signal,
    });
    if (!this.running && this.abort.signal.aborted) return { kind: 'nothing_new', elapsedMs: 0 };
    return this.handle(fetched, started, cursor);
  }

  private async handle(fetched: FetchOutcome, started: number, cursor: string | null): Promise<PollOutcome> {
    const now = this.deps.now();
    switch (fetched.kind) {
      case 'no_content':
        this.succeed(now, 0);
        return { kind: 'nothing_new', elapsedMs: now - started };
      case 'http_error':
        return this.fail(...classifyHttpError(fetched.status), parseRetryAfter(fetched.retryAfter, now));
      case 'too_large':
        return this.fail('too_large', `page over ${this.config.maxPageBytes} bytes refused`);
      case 'timeout':
        return this.fail('timeout', 'no complete answer before the deadline');
      case 'network_error':
        return this.fail('network', `connection failed (${fetched.message})`);
      case 'body':
        break;
    }
    if (this.config.secret !== null) {
      const check = checkSignature(fetched.body, fetched.signature, this.config.secret);
      if (check !== 'ok') return this.fail('bad_signature', `page signature ${check}; page not ingested`);
    }
    const parsed = parsePageBody(fetched.body.toString('utf8'));
    if (!parsed.ok) return this.fail('bad_page', parsed.reason);

    const prepared = prepareRecords(parsed.page.flags);
    const result = await this.deps.store.commitPage({
      feedKey: this.config.feedKey,
      nextCursor: parsed.page.next_cursor,
      ...prepared,
      training: this.config.training,
      source: this.config.training ? 'simulator' : 'feed',
      receivedAtMs: now,
    });
    this.succeed(this.deps.now(), result.quarantined);
    this.deps.onCommitted(result);
    // A server that says "more" without moving the cursor would have us spin: take it as idle.
    const hasMore = parsed.page.has_more && parsed.page.next_cursor !== cursor;
    if (parsed.page.flags.length === 0 && !hasMore) return { kind: 'nothing_new', elapsedMs: now - started };
    if (parsed.page.next_cursor === cursor && result.inserted + result.revised === 0) {
      return { kind: 'nothing_new', elapsedMs: now - started };
    }
    return { kind: 'committed', hasMore, result, elapsedMs: now - started };
  }

  private succeed(now: number, quarantined: number): void {
    this.health.recordSuccess(now, quarantined);
    this.deps.onHealthChanged();
  }

  private fail(failure: FailureKind, message: string, retryAfterMs: number | null = null): PollOutcome {
    this.health.recordFailure(this.deps.now(), failure, message);
    this.deps.onHealthChanged();
    return { kind: 'failed', failure, retryAfterMs };
  }

  /** When to poll next: at once while there is more, after the interval when idle, backing off on failure. */
  delayAfter(outcome: PollOutcome): number {
    const interval = this.config.pollIntervalMs;
    switch (outcome.kind) {
      case 'committed':
        return 0;
      case 'nothing_new':
        // A long-polling server already held the request for the wait: ask again at once.
        return outcome.elapsedMs >= this.config.waitSeconds * 800 && this.config.waitSeconds > 0
          ? 0
          : Math.max(0, interval - outcome.elapsedMs);
      case 'failed': {
        const backoff = backoffDelayMs(
          this.health.failures,
          interval,
          this.config.backoffCapMs,
          this.deps.random,
        );
        if (outcome.retryAfterMs !== null) return Math.min(Math.max(outcome.retryAfterMs, interval), 300_000);
        return backoff;
      }
    }
  }

  private pageUrl(cursor: string | null): string {
    const url = new URL(
      'v1/flags',
      this.config.baseUrl.endsWith('/') ? this.config.baseUrl : this.config.baseUrl + '/',
    );
    if (cursor !== null) url.searchParams.set('cursor', cursor);
    url.searchParams.set('limit', String(this.config.limit));
    url.searchParams.set('wait', String(this.config.waitSeconds));
    return url.toString();
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

function classifyHttpError(status: number): [FailureKind, string] {
  if (status === 401 || status === 403)
    return ['unauthorised', `feed refused the credentials (HTTP ${status})`];
  if (status === 429) return ['rate_limited', 'feed asked us to slow down (HTTP 429)'];
  if (status >= 500) return ['server_error', `feed server error (HTTP ${status})`];
  return ['http_error', `unexpected HTTP ${status}`];
}
