/**
 * Keyboard access to the highlights and the reader's notes: the next/previous-highlight commands (forwarded by the
 * background as `page.step`) move through them in page order, scroll each into view, and open a highlight's card
 * with focus, or show a note under its passage (a status, which screen readers say).
 */
import type { CardController, CardSession } from '../hover-card/controller.ts';
import type { Finding } from '../findings.ts';
import { nextIndex } from './order.ts';

/** What the stepper needs of the annotations: the passages with notes, and showing one's note. */
export interface NoteStops {
  notes(): ReadonlyArray<{ id: number; range: Range }>;
  /** Shows the note of annotation `id`; null hides the one shown. */
  showNote(id: number | null): void;
}

/** One place the keyboard stops at: a highlight, or an annotated passage with a note. */
type Stop = { kind: 'finding'; finding: Finding; range: Range } | { kind: 'note'; id: number; range: Range };

/** Page order of two ranges; a range that cannot be compared (moved out of the page) goes last. */
function byPosition(a: Stop, b: Stop): number {
  try {
    return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
  } catch {
    return 0;
  }
}

/** Steps through the page's findings and notes. */
export class KeyboardStepper {
  private at: Stop | null = null;

  constructor(
    private session: CardSession,
    private cards: CardController,
    private notes?: NoteStops,
  ) {}

  private stops(): Stop[] {
    const findings: Stop[] = this.session.findings().map((finding) => ({ kind: 'finding', finding, range: finding.range }));
    const notes: Stop[] = (this.notes?.notes() ?? []).map((n) => ({ kind: 'note', id: n.id, range: n.range }));
    // Findings come in page order already; most pages have no notes, and keep that order untouched.
    return notes.length === 0 ? findings : [...findings, ...notes].sort(byPosition);
  }

  /** Moves to the next (1) or previous (-1) stop, wrapping around at the ends. */
  step(direction: 1 | -1): void {
    const all = this.stops();
    const open = this.cards.current;
    const from = open ? all.findIndex((s) => s.kind === 'finding' && s.finding === open) : this.indexOf(all, this.at);
    const index = nextIndex(all.length, from, direction);
    const target = index < 0 ? undefined : all[index];
    if (!target) return;
    this.at = target;
    this.cards.close();
    this.notes?.showNote(null);
    this.cards.revealRange(target.range);
    if (target.kind === 'note') {
      this.session.focus(null);
      requestAnimationFrame(() => requestAnimationFrame(() => this.notes?.showNote(target.id)));
      return;
    }
    this.session.focus(target.finding);
    // Open after the scroll has been painted, so the card is placed against the highlight's new position.
    requestAnimationFrame(() => requestAnimationFrame(() => this.cards.open(target.finding, null, true)));
  }

  private indexOf(all: readonly Stop[], stop: Stop | null): number {
    if (!stop) return -1;
    return all.findIndex((s) => (s.kind === 'finding' && stop.kind === 'finding' ? s.finding === stop.finding : s.kind === 'note' && stop.kind === 'note' && s.id === stop.id));
  }
}
