import { describe, expect, it } from 'vitest';
import { MARGIN, placeCard } from './place.ts';

const card = { width: 300, height: 200 };

describe('placeCard', () => {
  it('goes below the anchor, aligned to its left edge, when there is room', () => {
    expect(placeCard({ left: 100, top: 100, width: 50, height: 20 }, card, 1000, 800)).toEqual({ left: 100, top: 126, side: 'below' });
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

  it('pins a card taller than the viewport to the top margin', () => {
    expect(placeCard({ left: 0, top: 50, width: 10, height: 10 }, { width: 300, height: 900 }, 1000, 800).top).toBe(MARGIN);
  });
});
