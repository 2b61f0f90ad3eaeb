/**
 * Shows an annotation's note while the pointer rests on its passage. Annotations are drawn through the Highlight
 * API, which gives no events, so the pointer is hit-tested against the passages' boxes, once a frame at most and
 * only while the page has notes. The note shows in a small tip just under the line hovered; Escape, a scroll or
 * leaving the passage hides it.
 */
import type { UiLoader } from '../lazy-ui/load.ts';
import type { ShadowHost } from '../render/shadow-host.ts';

/** A passage up to this tall gets its tip under its last line; a taller one under the line hovered. */
const MAX_COVERED_PX = 160;

/** A passage the user wrote a note on. */
export interface NotedPassage {
  id: number;
  range: Range;
  note: string;
}

/** The box of `boxes` that holds the point, if any. */
export function boxAt(boxes: Iterable<Pick<DOMRect, 'left' | 'right' | 'top' | 'bottom'>>, x: number, y: number) {
  for (const b of boxes) if (x >= b.left && x <= b.right && y >= b.top && y <= b.bottom) return b;
  return null;
}

/** Where the tip goes for a hovered line box: under it, or above it when the window has no room below. */
export function tipPlace(line: Pick<DOMRect, 'left' | 'top' | 'bottom'>, width: number, height: number): { top: number; left: number; above: boolean } {
  const above = line.bottom + 80 > height && line.top > 80;
  return { top: above ? line.top - 4 : line.bottom + 4, left: Math.max(4, Math.min(line.left, width - 300)), above };
}

export class NoteHover {
  private passages: NotedPassage[] = [];
  private shown: number | null = null;
  private host: ShadowHost | null = null;
  private frame = 0;
  private listening: AbortController | null = null;
  /** Scroll events until this time are the keyboard step's own scrolling to the passage, not the reader's. */
  private quietUntil = 0;

  constructor(
    private readonly ui: UiLoader,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  /** The passages with notes as they are placed now; listens to the pointer only while there are any. */
  set(passages: NotedPassage[]): void {
    this.passages = passages;
    this.hide();
    if (passages.length === 0) {
      this.listening?.abort();
      this.listening = null;
      return;
    }
    if (this.listening) return;
    this.listening = new AbortController();
    const opts = { passive: true, signal: AbortSignal.any([this.signal, this.listening.signal]) };
    let x = 0;
    let y = 0;
    document.addEventListener(
      'pointermove',
      (e) => {
        x = e.clientX;
        y = e.clientY;
        this.frame ||= requestAnimationFrame(() => {
          this.frame = 0;
          void this.check(x, y);
        });
      },
      opts,
    );
    document.addEventListener('scroll', () => performance.now() > this.quietUntil && this.hide(), { ...opts, capture: true });
    document.addEventListener('keydown', (e) => e.key === 'Escape' && this.hide(), opts);
  }

  /** The passages with notes, as placed now (the keyboard steps through them with the highlights). */
  notes(): readonly NotedPassage[] {
    return this.passages;
  }

  /**
   * Shows a note from the keyboard, under its passage (just scrolled into view): the tip is a status, so a screen
   * reader says the note. The scrolling that brought the passage into view does not hide it.
   */
  async showFor(id: number): Promise<void> {
    const p = this.passages.find((n) => n.id === id);
    if (!p) return;
    this.quietUntil = performance.now() + 400;
    this.shown = id;
    const ui = await this.ui.load();
    if (this.shown !== id || this.signal.aborted) return;
    this.host ??= ui.createNoteHost();
    const whole = p.range.getBoundingClientRect();
    const rects = [...p.range.getClientRects()];
    const last = rects.at(-1) ?? whole;
    const under = whole.height <= MAX_COVERED_PX ? { left: rects[0]?.left ?? whole.left, top: whole.top, bottom: whole.bottom } : last;
    ui.showNote(this.host.layer, tipPlace(under, innerWidth, innerHeight), p.note);
  }

  private async check(x: number, y: number): Promise<void> {
    for (const p of this.passages) {
      const line = boxAt(p.range.getClientRects(), x, y);
      if (!line) continue;
      if (this.shown === p.id) return;
      this.shown = p.id;
      const ui = await this.ui.load();
      if (this.shown !== p.id || this.signal.aborted) return;
      this.host ??= ui.createNoteHost();
      // Under the whole passage, so the tip hides none of it; under the line hovered when the passage is long.
      const whole = p.range.getBoundingClientRect();
      const under = whole.height <= MAX_COVERED_PX ? { left: line.left, top: whole.top, bottom: whole.bottom } : line;
      ui.showNote(this.host.layer, tipPlace(under, innerWidth, innerHeight), p.note);
      return;
    }
    this.hide();
  }

  /** Hides the note shown, if any. */
  hide(): void {
    if (this.shown === null) return;
    this.shown = null;
    const ui = this.ui.loaded();
    if (this.host && ui) ui.clear(this.host.layer);
  }

  private destroy(): void {
    cancelAnimationFrame(this.frame);
    this.hide();
    this.host?.destroy();
  }
}
