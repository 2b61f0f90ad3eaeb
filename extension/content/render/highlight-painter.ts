/**
 * Rendering with the CSS Custom Highlight API: the page's DOM is not touched at all, only the document's
 * highlight registry. Names carry our prefix so they cannot collide with the page's own highlights.
 */
import type { Finding, FindingKind } from '../findings.ts';
import { FLASH_MS, type Painter } from './painter.ts';
import { injectPageStyle } from './style.ts';

/** Highlight names in the registry, and their painting order (higher paints over lower). */
export const HIGHLIGHT_NAMES = { claim: 'cl-claim', entity: 'cl-entity', flash: 'cl-flash', focus: 'cl-focus' } as const;
const PRIORITY = { claim: 1, entity: 2, flash: 3, focus: 4 } as const;

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

  constructor() {
    for (const [layer, name] of Object.entries(HIGHLIGHT_NAMES) as [keyof typeof HIGHLIGHT_NAMES, string][]) {
      const highlight = new Highlight();
      highlight.priority = PRIORITY[layer];
      CSS.highlights.set(name, highlight);
      this.layers.set(layer, highlight);
    }
  }

  private layer(kind: FindingKind | 'flash' | 'focus'): Highlight {
    return this.layers.get(kind) as Highlight;
  }

  add(findings: readonly Finding[]): void {
    for (const f of findings) this.layer(f.kind).add(f.range);
  }

  remove(findings: readonly Finding[]): void {
    for (const f of findings) {
      this.layer(f.kind).delete(f.range);
      this.layer('focus').delete(f.range);
    }
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
    for (const [layer, highlight] of this.layers) {
      // Only take out our own entry: the page (or a second copy of us) may have replaced it meanwhile.
      if (CSS.highlights.get(HIGHLIGHT_NAMES[layer]) === highlight) CSS.highlights.delete(HIGHLIGHT_NAMES[layer]);
    }
    this.removeStyle();
  }
}
