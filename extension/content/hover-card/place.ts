/**
 * Where a card goes: below its anchor if it fits, else above; if it fits on neither side, on the roomier side
 * with its height capped to that room (it scrolls inside). Never over the anchor, always inside the viewport.
 */

/** A rectangle in viewport coordinates. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The card's position, its height limit, and on which side of the anchor it ended up. */
export interface Placement {
  left: number;
  top: number;
  maxHeight: number;
  side: 'below' | 'above';
}

/** Space kept between the card and the viewport's edges, and between the card and its anchor. */
export const MARGIN = 8;
export const GAP = 6;

/** Places a `card`-sized box next to `anchor` within a viewport of `width` × `height`. */
export function placeCard(anchor: Box, card: { width: number; height: number }, width: number, height: number): Placement {
  const roomBelow = height - MARGIN - (anchor.top + anchor.height + GAP);
  const roomAbove = anchor.top - GAP - MARGIN;
  const side = card.height <= roomBelow || roomBelow >= roomAbove ? 'below' : 'above';
  const maxHeight = Math.max(0, Math.floor(side === 'below' ? roomBelow : roomAbove));
  const shown = Math.min(card.height, maxHeight);
  const top = side === 'below' ? anchor.top + anchor.height + GAP : anchor.top - GAP - shown;
  const left = Math.max(MARGIN, Math.min(anchor.left, width - MARGIN - card.width));
  return { left: Math.round(left), top: Math.round(top), maxHeight, side };
}
