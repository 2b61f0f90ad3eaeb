/** Where a card goes: below its anchor if it fits, else above, always inside the viewport. Pure geometry. */

/** A rectangle in viewport coordinates. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The card's position and on which side of the anchor it ended up. */
export interface Placement {
  left: number;
  top: number;
  side: 'below' | 'above';
}

/** Space kept between the card and the viewport's edges, and between the card and its anchor. */
export const MARGIN = 8;
export const GAP = 6;

/** Places a `card`-sized box next to `anchor` within a viewport of `width` × `height`. */
export function placeCard(anchor: Box, card: { width: number; height: number }, width: number, height: number): Placement {
  const below = anchor.top + anchor.height + GAP;
  const above = anchor.top - GAP - card.height;
  const fitsBelow = below + card.height <= height - MARGIN;
  const side = fitsBelow || above < MARGIN ? 'below' : 'above';
  let top = side === 'below' ? below : above;
  // Taller than the room on either side: pin to the viewport, the card scrolls inside itself.
  top = Math.max(MARGIN, Math.min(top, height - MARGIN - card.height));
  const left = Math.max(MARGIN, Math.min(anchor.left, width - MARGIN - card.width));
  return { left: Math.round(left), top: Math.round(top), side };
}
