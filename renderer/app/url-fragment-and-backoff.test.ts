import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from '../../shared/room/backoff';
import { tokenFromHash } from '../api/ws-messages';
import { hashFor, languageFromHash, shiftFromHash, viewFromHash } from './view-route';

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

  it('reads and writes the handover view and its shift, keeping the token', () => {
    expect(viewFromHash('#token=abc&view=handover&shift=2026-11-25:night')).toBe('handover');
    expect(shiftFromHash('#token=abc&view=handover&shift=2026-11-25:night')).toBe('2026-11-25:night');
    expect(shiftFromHash('#view=handover')).toBeNull();
    expect(shiftFromHash('#view=handover&shift=yesterday')).toBeNull();
    const to = hashFor('#token=abc&view=desk', 'handover', '2026-11-25:morning');
    expect(tokenFromHash(to)).toBe('abc');
    expect(viewFromHash(to)).toBe('handover');
    expect(shiftFromHash(to)).toBe('2026-11-25:morning');
    const back = hashFor(to, 'desk');
    expect(viewFromHash(back)).toBe('desk');
    expect(shiftFromHash(back)).toBeNull();
    expect(tokenFromHash(back)).toBe('abc');
  });

  it('backs off quickly at first and never beyond about 5 s', () => {
    const mid = () => 0.5;
    expect(reconnectDelayMs(0, mid)).toBe(250);
    expect(reconnectDelayMs(2, mid)).toBe(1000);
    expect(reconnectDelayMs(50, mid)).toBe(5000);
    expect(reconnectDelayMs(50, () => 1)).toBeLessThanOrEqual(6000);
  });
});
