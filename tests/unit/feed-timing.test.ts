import { describe, expect, it } from 'vitest';
import { backoffDelayMs, parseRetryAfter } from '../../electron/main/core/feed/backoff';
import { FeedHealthTracker } from '../../electron/main/core/feed/feed-health';
import { checkSignature, signBody } from '../../electron/main/core/feed/signature';

describe('backoff', () => {
  it('grows exponentially with jitter between half and all of the ceiling, capped', () => {
    expect(backoffDelayMs(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffDelayMs(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffDelayMs(4, 1000, 60_000, () => 1)).toBe(8000);
    expect(backoffDelayMs(30, 1000, 60_000, () => 1)).toBe(60_000);
  });
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('7', 0)).toBe(7000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(parseRetryAfter(null, 0)).toBeNull();
  });
});

describe('feed health', () => {
  it('moves starting → ok → degraded → down, and back to ok', () => {
    const h = new FeedHealthTracker('feed', 1000, 0);
    expect(h.evaluate(0).state).toBe('starting');
    h.recordSuccess(100);
    expect(h.evaluate(100)).toMatchObject({ state: 'ok', alarm: false, lastGoodPollAtMs: 100 });
    h.recordFailure(200, 'server_error', 'HTTP 500');
    expect(h.evaluate(200)).toMatchObject({ state: 'degraded', alarm: false });
    h.recordFailure(300, 'server_error', 'HTTP 500');
    h.recordFailure(400, 'timeout', 'deadline');
    expect(h.evaluate(400)).toMatchObject({ state: 'down', alarm: true, consecutiveFailures: 3 });
    h.recordSuccess(2200);
    expect(h.evaluate(2200).state).toBe('ok');
  });
  it('stays DOWN, not silent, while the feed keeps refusing, however long (issue #16)', () => {
    const h = new FeedHealthTracker('feed', 1000, 0);
    for (let i = 1; i <= 7; i++) h.recordFailure(i * 1000, 'network', 'refused');
    expect(h.evaluate(60_000)).toMatchObject({ state: 'down', alarm: true, consecutiveFailures: 7 });
  });
  it('is silent when nothing ever succeeded for two intervals', () => {
    expect(new FeedHealthTracker('feed', 1000, 0).evaluate(2001).state).toBe('silent');
  });
  it('shows credential and signature problems as themselves, even when silent', () => {
    const h = new FeedHealthTracker('feed', 1000, 0);
    h.recordFailure(5000, 'unauthorised', 'HTTP 401');
    expect(h.evaluate(5000)).toMatchObject({ state: 'unauthorised', alarm: true });
    h.recordFailure(6000, 'bad_signature', 'bad');
    expect(h.evaluate(6000)).toMatchObject({ state: 'bad_signature', alarm: true });
  });
});

describe('signature', () => {
  const body = Buffer.from('{"flags":[]}');
  it('checks the HMAC of the exact bytes', () => {
    expect(checkSignature(body, signBody(body, 'secret'), 'secret')).toBe('ok');
    expect(checkSignature(Buffer.from('{"flags": []}'), signBody(body, 'secret'), 'secret')).toBe('bad');
    expect(checkSignature(body, signBody(body, 'other'), 'secret')).toBe('bad');
    expect(checkSignature(body, 'sha256=zz', 'secret')).toBe('bad');
    expect(checkSignature(body, null, 'secret')).toBe('missing');
  });
});
