/**
 * Fallback rendering for browsers without the Highlight API: wraps matched text in <mark class="cl-mark …">.
 * Text content stays the same (only element boundaries are added) and the marks carry no layout properties.
 * Moving a text node into a mark collapses every live Range inside it (DOM "remove" steps), so ranges are set
 * only after all wrapping is done, and re-anchored on the marks after every unwrap.
 */
import type { Finding } from '../findings.ts';
import { FLASH_MS, type Painter } from './painter.ts';
import { injectPageStyle } from './style.ts';
import { cutTextNodes, textSegments } from './segments.ts';

/** Paints findings as <mark> elements. */
export class MarkPainter implements Painter {
  readonly movesText = true;
  private marks = new Map<Finding, HTMLElement[]>();
  private removeStyle = injectPageStyle();
  private flashTimer = 0;

  add(findings: readonly Finding[]): void {
    // Claims first, so an entity inside a claim gets the inner mark.
    const ordered = [...findings].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'claim' ? -1 : 1));
    const segments = ordered.map((f) => textSegments(f.range));
    const pieces = cutTextNodes(segments.flat());
    ordered.forEach((f, i) => {
      const own = (segments[i] ?? []).flatMap((s) => pieces(s));
      this.marks.set(f, own.map((piece) => wrap(piece, f)));
    });
    for (const f of ordered) this.anchor(f);
  }

  remove(findings: readonly Finding[]): void {
    for (const f of findings) {
      for (const mark of this.marks.get(f) ?? []) unwrap(mark);
      this.marks.delete(f);
    }
    for (const f of this.marks.keys()) this.anchor(f);
  }

  flash(finding: Finding): void {
    this.toggle('cl-flash', finding);
    clearTimeout(this.flashTimer);
    this.flashTimer = window.setTimeout(() => this.toggle('cl-flash', null), FLASH_MS);
  }

  focus(finding: Finding | null): void {
    this.toggle('cl-focus', finding);
  }

  destroy(): void {
    clearTimeout(this.flashTimer);
    for (const marks of this.marks.values()) marks.forEach(unwrap);
    this.marks.clear();
    this.removeStyle();
  }

  /** Puts `className` on the finding's marks only. */
  private toggle(className: string, finding: Finding | null): void {
    for (const [f, marks] of this.marks) for (const m of marks) m.classList.toggle(className, f === finding);
  }

  /** Points the finding's range at its marks, whose positions survive wrapping and unwrapping around them. */
  private anchor(f: Finding): void {
    const marks = this.marks.get(f) ?? [];
    const first = marks[0];
    const last = marks[marks.length - 1];
    if (!first?.isConnected || !last?.isConnected) return;
    f.range.setStart(first, 0);
    f.range.setEnd(last, last.childNodes.length);
  }
}

function wrap(piece: Text, f: Finding): HTMLElement {
  const mark = document.createElement('mark');
  mark.className = `cl-mark cl-${f.kind}`;
  mark.dataset.clId = f.id;
  piece.before(mark);
  mark.append(piece);
  return mark;
}

function unwrap(mark: HTMLElement): void {
  const parent = mark.parentNode;
  if (!parent) return;
  mark.replaceWith(...mark.childNodes);
  // Joins the text nodes the wrap split, so the page's DOM ends as it began.
  parent.normalize();
}
