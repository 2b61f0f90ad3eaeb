import { describe, expect, it } from 'vitest';
import { longestIn, median, ms, times } from './stats.ts';

describe('bench stats', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('prints times and ratios readably', () => {
    expect(ms(0.421)).toBe('0.42 ms');
    expect(ms(12.34)).toBe('12.3 ms');
    expect(ms(4812.4)).toBe('4,812 ms');
    expect(times(41.6)).toBe('42×');
    expect(times(3.14)).toBe('3.1×');
    expect(times(1.234)).toBe('1.23×');
    expect(times(NaN)).toBe('—');
  });

  it('finds the longest span overlapping a window', () => {
    const spans: [number, number][] = [[0, 80], [100, 30], [200, 60]];
    expect(longestIn(spans, 90, 210)).toBe(60);
    expect(longestIn(spans, 85, 95)).toBe(0);
    expect(longestIn(spans, 50, 60)).toBe(80);
  });
});
