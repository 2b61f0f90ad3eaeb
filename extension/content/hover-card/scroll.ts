/** Geometry of highlights: where a card anchors, and scrolling one into view. Ranges have no scrollIntoView. */
import type { Box } from './place.ts';

/** The line box of `range` nearest to `point` (the line the pointer is on), or its first line. */
export function anchorBox(range: Range, point: { x: number; y: number } | null): Box {
  const rects = [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
  const distance = (r: DOMRect) => (point ? Math.abs(r.top + r.height / 2 - point.y) : 0);
  const best = rects.sort((a, b) => distance(a) - distance(b))[0] ?? range.getBoundingClientRect();
  return { left: best.left, top: best.top, width: best.width, height: best.height };
}

/**
 * Brings the range to the middle of the viewport: first its element into view (which scrolls any nested
 * scroll containers), then the window so the passage itself, not its whole paragraph, is centred.
 */
export function scrollToRange(range: Range): void {
  const container = range.startContainer;
  const element = container instanceof Element ? container : container.parentElement;
  element?.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
  const box = range.getBoundingClientRect();
  const offset = box.top + box.height / 2 - innerHeight / 2;
  if (Math.abs(offset) > 1) scrollBy({ top: offset, behavior: 'instant' });
}
