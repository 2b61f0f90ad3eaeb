/** Rendering: the only stage that writes to the page. */
import { HighlightPainter, hasHighlightApi } from './highlight-painter.ts';
import { MarkPainter } from './mark-painter.ts';
import type { Painter } from './painter.ts';

export type { Painter } from './painter.ts';
export { findingsFor } from './ranges.ts';
export { hasHighlightApi } from './highlight-painter.ts';

/** The Highlight API painter where the browser has it, <mark> wrapping where it does not. */
export function createPainter(): Painter {
  return hasHighlightApi() ? new HighlightPainter() : new MarkPainter();
}
