import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from './api/backoff';
import { tokenFromHash } from './api/ws-messages';
import { languageFromHash, viewFromHash } from './view-route';

describe('fragment parsing and reconnect backoff', () => {
  it('reads the token and the view from the fragment', () => {
    expect(tokenFromHash('#token=abc_DEF-1&view=desk')).toBe('abc_DEF-1');
    expect(tokenFromHash('')).toBeNull();
    expect(viewFromHash('#token=abc&view=desk')).toBe('desk');
    expect(viewFromHash('#view=nonsense')).toBe('desk');
    expect(viewFromHash('')).toBe('desk');
    expect(viewFromHash('#token=abc&view=wall')).toBe('wall');
  });

  it('reads the wall language from the fragment', () => {
    expect(languageFromHash('#token=abc&view=wall&lang=hi')).toBe('hi');
    expect(languageFromHash('#view=wall&lang=en')).toBe('en');
    expect(languageFromHash('#view=wall&lang=xx')).toBeNull();
    expect(languageFromHash('#view=wall')).toBeNull();
  });

  it('backs off quickly at first and never beyond about 5 s', () => {
    const mid = () => 0.5;
    expect(reconnectDelayMs(0, mid)).toBe(250);
    expect(reconnectDelayMs(2, mid)).toBe(1000);
    expect(reconnectDelayMs(50, mid)).toBe(5000);
    expect(reconnectDelayMs(50, () => 1)).toBeLessThanOrEqual(6000);
  });
});
