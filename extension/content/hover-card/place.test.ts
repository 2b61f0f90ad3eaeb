import { describe, expect, it } from 'vitest';
import { MARGIN, placeCard } from './place.ts';

const card = { width: 300, height: 200 };
const overlaps = (p: { top: number; maxHeight: number }, h: number, a: { top: number; height: number }) =>
  p.top < a.top + a.height && p.top + Math.min(h, p.maxHeight) > a.top;

describe('placeCard', () => {
  it('goes below the anchor, aligned to its left edge, when there is room', () => {
    expect(placeCard({ left: 100, top: 100, width: 50, height: 20 }, card, 1000, 800)).toMatchObject({ left: 100, top: 126, side: 'below' });
  });

  it('flips above an anchor near the bottom', () => {
    const p = placeCard({ left: 100, top: 700, width: 50, height: 20 }, card, 1000, 800);
    expect(p.side).toBe('above');
    expect(p.top + card.height).toBeLessThanOrEqual(700);
  });

  it('stays inside the right and left edges', () => {
    expect(placeCard({ left: 950, top: 100, width: 40, height: 20 }, card, 1000, 800).left).toBe(1000 - MARGIN - 300);
    expect(placeCard({ left: -30, top: 100, width: 40, height: 20 }, card, 1000, 800).left).toBe(MARGIN);
  });

  it('caps a card too tall for either side to the roomier side, never covering the anchor', () => {
    const tall = { width: 300, height: 520 };
    for (const top of [50, 274, 500, 760]) {
      const anchor = { left: 0, top, width: 10, height: 20 };
      const p = placeCard(anchor, tall, 1000, 800);
      expect(overlaps(p, tall.height, anchor)).toBe(false);
      expect(p.top).toBeGreaterThanOrEqual(MARGIN);
      expect(p.top + Math.min(tall.height, p.maxHeight)).toBeLessThanOrEqual(800 - MARGIN);
    }
  });
});
