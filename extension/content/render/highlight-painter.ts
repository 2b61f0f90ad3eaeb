/**
 * Rendering with the CSS Custom Highlight API: the page's DOM is not touched at all, only the document's
 * highlight registry. Names carry our prefix so they cannot collide with the page's own highlights.
 *
 * Drawing at scale: every change to a registered highlight makes the browser restyle and repaint all of its
 * ranges (Chromium rebuilds its highlight markers, Firefox repaints), which with tens of thousands of ranges is
 * one task of 100 ms to seconds, and again at each change (each burst of an infinite page). Up to
 * {@link WINDOW_ALL} highlights are all registered, as before; beyond that only a window of them around what is
 * in view is (at most {@link WINDOW} ranges), moved as the reader scrolls, so no change restyles more than the
 * window. The window runs over the highlights in page order, and what is in view is found by bisection over it.
 */
import { comparePosition, type Finding, type FindingKind } from '../findings.ts';
import { FLASH_MS, type Painter } from './painter.ts';
import { injectPageStyle } from './style.ts';

/** Highlight names in the registry, and their painting order (higher paints over lower). */
export const HIGHLIGHT_NAMES = { claim: 'cl-claim', entity: 'cl-entity', flash: 'cl-flash', focus: 'cl-focus' } as const;
const PRIORITY = { claim: 1, entity: 2, flash: 3, focus: 4 } as const;

/** Pages with up to this many highlights have them all registered. */
export const WINDOW_ALL = 6000;
/** Beyond that, this many around the view are: several screens above and below on the densest pages. */
export const WINDOW = 3000;

/** True where the Highlight API is usable. */
export function hasHighlightApi(): boolean {
  return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
}

/** Paints findings through CSS.highlights. */
export class HighlightPainter implements Painter {
  readonly movesText = false;
  private layers = new Map<keyof typeof HIGHLIGHT_NAMES, Highlight>();
  private removeStyle = injectPageStyle();
  private flashTimer = 0;
  /** Every finding drawn, in page order. */
  private order: Finding[] = [];
  /** The findings registered now: all of them on a page with up to WINDOW_ALL, else the window. */
  private shown = new Set<Finding>();
  /** Where the window starts in `order`; -1 while everything is registered. */
  private windowStart = -1;
  private scrollFrame = 0;
  private readonly onScroll = () => {
    if (this.scrollFrame === 0) this.scrollFrame = requestAnimationFrame(() => ((this.scrollFrame = 0), this.follow()));
  };

  constructor() {
    for (const [layer, name] of Object.entries(HIGHLIGHT_NAMES) as [keyof typeof HIGHLIGHT_NAMES, string][]) {
      const highlight = new Highlight();
      highlight.priority = PRIORITY[layer];
      CSS.highlights.set(name, highlight);
      this.layers.set(layer, highlight);
    }
    addEventListener('scroll', this.onScroll, { passive: true, capture: true });
  }

  private layer(kind: FindingKind | 'flash' | 'focus'): Highlight {
    return this.layers.get(kind) as Highlight;
  }

  add(findings: readonly Finding[]): void {
    if (findings.length === 0) return;
    this.order = mergeInOrder(this.order, findings);
    if (this.order.length <= WINDOW_ALL && this.windowStart < 0) {
      for (const f of findings) this.show(f);
      return;
    }
    this.place(true);
  }

  remove(findings: readonly Finding[]): void {
    const gone = new Set(findings);
    this.order = this.order.filter((f) => !gone.has(f));
    for (const f of findings) {
      this.hide(f);
      this.layer('focus').delete(f.range);
    }
    if (this.windowStart >= 0) this.place(true);
  }

  /** Registers the window around the view: the whole set again once a page falls back under WINDOW_ALL. */
  private place(force: boolean): void {
    if (this.order.length <= WINDOW_ALL) {
      this.windowStart = -1;
      for (const f of this.order) this.show(f);
      return;
    }
    const at = firstInView(this.order);
    const start = Math.max(0, Math.min(this.order.length - WINDOW, at - Math.floor(WINDOW / 3)));
    // Scrolling within the middle of the window changes nothing.
    if (!force && this.windowStart >= 0 && Math.abs(start - this.windowStart) < WINDOW / 6) return;
    this.windowStart = start;
    const next = new Set(this.order.slice(start, start + WINDOW));
    for (const f of this.shown) if (!next.has(f)) this.hide(f);
    for (const f of next) this.show(f);
  }

  private follow(): void {
    if (this.windowStart >= 0) this.place(false);
  }

  private show(f: Finding): void {
    if (this.shown.has(f)) return;
    this.shown.add(f);
    this.layer(f.kind).add(f.range);
  }

  private hide(f: Finding): void {
    if (!this.shown.delete(f)) return;
    this.layer(f.kind).delete(f.range);
  }

  flash(finding: Finding): void {
    const flash = this.layer('flash');
    flash.clear();
    flash.add(finding.range);
    clearTimeout(this.flashTimer);
    this.flashTimer = window.setTimeout(() => flash.clear(), FLASH_MS);
  }

  focus(finding: Finding | null): void {
    const focus = this.layer('focus');
    focus.clear();
    if (finding) focus.add(finding.range);
  }

  destroy(): void {
    clearTimeout(this.flashTimer);
    cancelAnimationFrame(this.scrollFrame);
    removeEventListener('scroll', this.onScroll, { capture: true });
    for (const [layer, highlight] of this.layers) {
      // Only take out our own entry: the page (or a second copy of us) may have replaced it meanwhile.
      if (CSS.highlights.get(HIGHLIGHT_NAMES[layer]) === highlight) CSS.highlights.delete(HIGHLIGHT_NAMES[layer]);
    }
    this.removeStyle();
  }
}

/**
 * `sorted` (page order) with `added` merged in. A batch shares one text (one scan), so it is put in order by its own
 * text offsets; then each finding of the shorter list is placed in the longer by bisection. A batch that comes
 * after (or before) everything drawn, like the paragraphs an infinite page appends, costs one comparison.
 */
export function mergeInOrder(sorted: readonly Finding[], added: readonly Finding[]): Finding[] {
  const batch = [...added].sort((a, b) => a.start - b.start || b.end - a.end);
  if (sorted.length === 0) return batch;
  if (batch.length === 0) return [...sorted];
  if (comparePosition(sorted[sorted.length - 1] as Finding, batch[0] as Finding) <= 0) return [...sorted, ...batch];
  if (comparePosition(batch[batch.length - 1] as Finding, sorted[0] as Finding) <= 0) return [...batch, ...sorted];
  const [small, big] = sorted.length <= batch.length ? [sorted, batch] : [batch, sorted];
  const out: Finding[] = [];
  let from = 0;
  for (const f of small) {
    let lo = from;
    let hi = big.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (comparePosition(big[mid] as Finding, f) <= 0) lo = mid + 1;
      else hi = mid;
    }
    for (let k = from; k < lo; k++) out.push(big[k] as Finding);
    out.push(f);
    from = lo;
  }
  for (let k = from; k < big.length; k++) out.push(big[k] as Finding);
  return out;
}

/** Index of the first finding (in page order) whose box reaches below the top of the view; bisection. */
function firstInView(order: readonly Finding[]): number {
  let lo = 0;
  let hi = order.length - 1;
  let found = order.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((order[mid] as Finding).range.getBoundingClientRect().bottom > 0) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}
