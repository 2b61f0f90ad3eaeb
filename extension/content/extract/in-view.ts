/** Where the reader is looking, as an offset into a page's extracted text: what to match and draw first. */
import type { TextMap } from './text-map.ts';

/**
 * The start of the first piece of text whose element reaches into or below the top of the viewport, found by
 * bisection over the pieces (document order is top to bottom on nearly every page, and a page that is not gets
 * its view drawn a little later, nothing worse). Reads a few dozen boxes of a page laid out already.
 * Null for an empty map.
 */
export function offsetInView(map: TextMap<Text>): number | null {
  const { nodes, starts } = map;
  if (nodes.length === 0) return null;
  const below = (i: number): boolean => {
    const el = (nodes[i] as Text).parentElement;
    return !!el && el.getBoundingClientRect().bottom > 0;
  };
  let lo = 0;
  let hi = nodes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (below(mid)) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  // Everything above the view (scrolled past the end): the last text is the nearest.
  return starts[found < 0 ? nodes.length - 1 : found] as number;
}
