import { describe, expect, it } from 'vitest';
import { nextIndex } from './order.ts';

describe('nextIndex', () => {
  it('starts at the first or last highlight', () => {
    expect(nextIndex(3, -1, 1)).toBe(0);
    expect(nextIndex(3, -1, -1)).toBe(2);
  });

  it('wraps around at both ends', () => {
    expect(nextIndex(3, 2, 1)).toBe(0);
    expect(nextIndex(3, 0, -1)).toBe(2);
  });

  it('has nowhere to go in an empty page', () => {
    expect(nextIndex(0, -1, 1)).toBe(-1);
  });
});
