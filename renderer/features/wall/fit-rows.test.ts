import { describe, expect, it } from 'vitest';
import { rowsThatFit } from './fit-rows';

describe('rows that fit on the wall', () => {
  it('shows everything when everything fits', () => {
    expect(rowsThatFit(1000, 100, 50, 10)).toEqual({ shown: 10, more: 0 });
    expect(rowsThatFit(1000, 100, 50, 0)).toEqual({ shown: 0, more: 0 });
  });

  it('keeps room for the "+N more" line when not all fit', () => {
    expect(rowsThatFit(1000, 100, 50, 11)).toEqual({ shown: 9, more: 2 });
    expect(rowsThatFit(40, 100, 50, 3)).toEqual({ shown: 0, more: 3 });
  });

  it('shows all before the first measurement', () => {
    expect(rowsThatFit(0, 0, 0, 7)).toEqual({ shown: 7, more: 0 });
  });
});
