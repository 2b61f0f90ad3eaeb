/**
 * The user's annotations in the page, drawn through the CSS Custom Highlight API under a name of their own
 * (`cl-annotation`, dotted violet), apart from the knowledge base's highlights. Nothing in the page's DOM changes
 * but one <style>. Browsers without the API still list annotations in the sidebar; they are not drawn.
 */
import { hideStyleElement } from './style.ts';

export const ANNOTATION_HIGHLIGHT = 'cl-annotation';

const CSS_TEXT = `::highlight(${ANNOTATION_HIGHLIGHT}) { background-color: rgba(150, 90, 230, 0.2);` +
  ' text-decoration-line: underline; text-decoration-style: dotted; text-decoration-color: rgba(130, 70, 210, 0.9); }';

/** Draws annotation ranges; `destroy()` takes everything out again. */
export class AnnotationPainter {
  private highlight: Highlight | null = null;
  private style: HTMLStyleElement | null = null;

  constructor() {
    if (typeof Highlight !== 'function' || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    this.highlight = new Highlight();
    CSS.highlights.set(ANNOTATION_HIGHLIGHT, this.highlight);
    this.style = document.createElement('style');
    this.style.className = 'cl-annotation-style';
    hideStyleElement(this.style);
    this.style.textContent = CSS_TEXT;
    (document.head ?? document.documentElement).append(this.style);
  }

  /** Shows exactly these ranges. */
  show(ranges: Iterable<Range>): void {
    this.highlight?.clear();
    for (const r of ranges) this.highlight?.add(r);
  }

  destroy(): void {
    if (this.highlight && CSS.highlights.get(ANNOTATION_HIGHLIGHT) === this.highlight) CSS.highlights.delete(ANNOTATION_HIGHLIGHT);
    this.style?.remove();
  }
}
