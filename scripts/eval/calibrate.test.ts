import { describe, expect, it } from 'vitest';
import { calibrated } from '../../shared/match/calibration.ts';
import { breakpoints, isotonic } from './calibrate.ts';
import { choose, GRID, leaveOneArticleOut } from './operating.ts';
import { keyPatterns, overlap } from './realtext.ts';

const judged = (pairs: [number, boolean][]) => pairs.map(([coverage, right]) => ({ coverage, right }));

describe('calibration', () => {
  it('never lets the share right fall as coverage rises', () => {
    const blocks = isotonic(judged([[0.4, true], [0.45, false], [0.5, false], [0.6, true], [0.7, false], [0.8, true], [0.9, true]]));
    for (let k = 1; k < blocks.length; k++) expect(blocks[k]!.share).toBeGreaterThanOrEqual(blocks[k - 1]!.share);
    expect(blocks.reduce((n, b) => n + b.count, 0)).toBe(7);
  });

  it('shrinks small blocks towards the overall share and interpolates between breakpoints', () => {
    const points = breakpoints(judged([[0.4, false], [0.5, false], [0.8, true], [0.9, true]]), 4);
    expect(points[0]![1]).toBeGreaterThan(0); // two wrong passages do not make 0 %
    expect(points[points.length - 1]![1]).toBeLessThan(1);
    expect(calibrated(0.1, points)).toBe(points[0]![1]);
    expect(calibrated(2, points)).toBe(points[points.length - 1]![1]);
    const mid = calibrated((points[0]![0] + points[1]![0]) / 2, points);
    expect(mid).toBeGreaterThanOrEqual(points[0]![1]);
    expect(mid).toBeLessThanOrEqual(points[1]![1]);
  });
});

describe('operating point, leaving articles out', () => {
  // Article tallies at each grid threshold: recall falls and precision rises with the threshold.
  const article = (wrongBelow: number) =>
    GRID.map((t) => ({ gold: 10, goldFound: t < 0.6 ? 8 : 4, found: t < wrongBelow ? 10 : t < 0.6 ? 8 : 4, foundRight: t < 0.6 ? 8 : 4 }));

  it('takes the highest recall that keeps 90 % precision on the articles it is chosen on', () => {
    // From 0.5 on both articles are 8 of 8 right with 8 of 10 found; on a tie in recall, the higher threshold.
    expect(GRID[choose([article(0.5), article(0.5)])]).toBe(0.59);
  });

  it('chooses each article’s threshold without it', () => {
    const { thresholds } = leaveOneArticleOut([article(0.5), article(0.5), article(0.7)]);
    expect(thresholds[2]).toBe(0.59);
    // With the third article among the others, 90 % precision is reached only from 0.7 on (and recall is flat there).
    expect(thresholds[0]).toBe(GRID[GRID.length - 1]);
  });
});

describe('real-text overlap rule', () => {
  it('needs 15 characters in common, or half of the shorter span', () => {
    expect(overlap([0, 100], [85, 200])).toBe(true);
    expect(overlap([0, 100], [90, 200])).toBe(false);
    expect(overlap([0, 100], [95, 105])).toBe(true); // half of a 10-character span
    expect(overlap([0, 10], [10, 20])).toBe(false);
  });
});

describe('real-text entity keys', () => {
  it("reads the scorer's key table, Python raw strings as patterns", () => {
    const keys = keyPatterns("X = 1\nKEY_RX = {\n    'alpha': r'alp?ha', 'beta_land': r'\\bbeta\\b|betaland',\n}\nY = {'gamma': r'g'}\n");
    expect(Object.keys(keys)).toEqual(['alpha', 'beta_land']);
    expect(keys['alpha']!.test('the alha team')).toBe(true);
    expect(keys['beta_land']!.test('alphabeta')).toBe(false);
    expect(keys['beta_land']!.test('beta country')).toBe(true);
  });

  it('fails clearly when the table is missing', () => {
    expect(() => keyPatterns('nothing here')).toThrow(/KEY_RX/);
  });
});
