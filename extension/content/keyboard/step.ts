/**
 * Keyboard access to the highlights: the next/previous-highlight commands (forwarded by the background as
 * `page.step`) move through them in page order, scroll each into view, mark it and open its card with focus.
 */
import type { CardController, CardSession } from '../hover-card/controller.ts';
import type { Finding } from '../findings.ts';
import { nextIndex } from './order.ts';

/** Steps through the page's findings. */
export class KeyboardStepper {
  private at: Finding | null = null;

  constructor(
    private session: CardSession,
    private cards: CardController,
  ) {}

  /** Moves to the next (1) or previous (-1) highlight, wrapping around at the ends. */
  step(direction: 1 | -1): void {
    const all = this.session.findings();
    const from = this.cards.current ?? this.at;
    const index = nextIndex(all.length, from ? all.indexOf(from) : -1, direction);
    const target = index < 0 ? undefined : all[index];
    if (!target) return;
    this.at = target;
    this.cards.close();
    this.cards.reveal(target);
    this.session.focus(target);
    // Open after the scroll has been painted, so the card is placed against the highlight's new position.
    requestAnimationFrame(() => requestAnimationFrame(() => this.cards.open(target, null, true)));
  }
}
