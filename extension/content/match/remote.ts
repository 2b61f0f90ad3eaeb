/**
 * Matching off the page's main thread: the page's text goes to the background in pieces, each sent once, and
 * the spans come back. The piece the reader is looking at goes first and comes back on its own, so it can be drawn
 * before the rest; the rest goes a piece per message, sent between yields so that no task serializes much text.
 */
import type { MatchResult } from '../../../shared/match/types.ts';
import type { ToBackground } from '../messaging.ts';
import { Slicer } from '../schedule.ts';
import { appendShifted, chunkText, type Chunk } from './chunks.ts';

/** Matches pieces of text somewhere else, each on its own; offsets into each piece. */
export type PieceMatcher = (texts: string[]) => Promise<MatchResult[]>;

/** The background's matcher as a {@link PieceMatcher}; a refusal becomes an error. */
export function backgroundMatcher(send: ToBackground): PieceMatcher {
  return async (texts) => {
    const answer = await send('page.match', { texts });
    if (!answer.ok) throw new Error(`page.match: ${answer.error}`);
    if (answer.value.length !== texts.length) throw new Error('page.match: an answer per piece was expected');
    return answer.value;
  };
}

/** A {@link PieceMatcher} that can be asked ahead of time; see {@link prefetching}. */
export interface PrefetchingMatcher {
  match: PieceMatcher;
  /** Starts matching `texts` now; the first later call with exactly these texts gets this answer. */
  prefetch(texts: string[]): void;
}

/**
 * Lets the piece in view be sent for matching before the page session asks for it: at start the content script
 * reads the page and sends that piece while the settings are still on their way, so their round trip is no longer
 * on the way to the first highlights. Holds one answer; a call with other texts (the reader scrolled meanwhile)
 * is sent as usual and the early answer is dropped.
 */
export function prefetching(match: PieceMatcher): PrefetchingMatcher {
  let early: { texts: string[]; answer: Promise<MatchResult[]> } | null = null;
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((t, i) => t === b[i]);
  return {
    match: (texts) => {
      const held = early;
      early = null;
      return held && same(held.texts, texts) ? held.answer : match(texts);
    },
    prefetch: (texts) => {
      const answer = match(texts);
      // Nobody may ever take it (the session asked for other texts): its failure must not go unhandled.
      answer.catch(() => undefined);
      early = { texts: [...texts], answer };
    },
  };
}

/** The piece {@link matchPieces} sends first for a text and a view offset, if any. */
export function viewPiece(text: string, at: number | null): string | null {
  return cutAround(text, at).view?.text ?? null;
}

/**
 * Pieces of the rest of the page per message. One: sending a message serializes it in the sending task, in
 * proportion to its size (four 32,000-character pieces took 180–390 ms of one task on the 1 MB page in Chromium,
 * the machine loaded, the one piece in view 10–45 ms), and the background matches a message's pieces in one task
 * of its own, in which it answers nothing else. The pieces themselves stay those the page matched before matching
 * moved to the background (chunks.ts), so the spans are exactly the same: the matcher resolves a short form from
 * the full name earlier in the same piece, so other cuts would find a little more or less.
 */
export const PIECES_PER_MESSAGE = 1;

/** A text cut for matching: the piece in view, and the rest in groups, each group in text order. */
export interface Pieces {
  view: Chunk | null;
  rest: Chunk[][];
}

/** Cuts `text` into pieces (chunks.ts) and picks the one that holds offset `at` (the start of what is in view). */
export function cutAround(text: string, at: number | null): Pieces {
  const all = [...chunkText(text)];
  const index = at === null ? -1 : all.findIndex((c) => at < c.start + c.text.length);
  const view = index < 0 ? null : (all[index] as Chunk);
  const rest: Chunk[][] = [];
  for (const part of index < 0 ? [all] : [all.slice(0, index), all.slice(index + 1)]) {
    for (let i = 0; i < part.length; i += PIECES_PER_MESSAGE) rest.push(part.slice(i, i + PIECES_PER_MESSAGE));
  }
  return { view, rest };
}

/** The view piece's matches (as soon as they come) and the whole text's (once everything came), text offsets. */
export interface PieceResults {
  view: Promise<MatchResult>;
  all: Promise<MatchResult>;
}

/**
 * Sends every piece (the view piece first, on its own), yielding between sends once a slice's budget is spent.
 * `all` holds the view piece's matches too (the same objects), in text order.
 */
export function matchPieces(match: PieceMatcher, text: string, at: number | null, signal?: AbortSignal): PieceResults {
  const { view, rest } = cutAround(text, at);
  const shifted = (chunks: Chunk[]) =>
    match(chunks.map((c) => c.text)).then((parts) =>
      parts.map((part, k) => {
        const out: MatchResult = { entities: [], claims: [] };
        appendShifted(out, part, (chunks[k] as Chunk).start);
        return { start: (chunks[k] as Chunk).start, result: out };
      }),
    );
  const empty: MatchResult = { entities: [], claims: [] };
  const viewParts = view ? shifted([view]) : Promise.resolve([{ start: 0, result: empty }]);
  const viewResult = viewParts.then((parts) => (parts[0] as { result: MatchResult }).result);
  const all = (async () => {
    const slicer = new Slicer();
    const pending = view ? [viewParts] : [];
    for (const group of rest) {
      if (slicer.due()) await slicer.pause(signal);
      pending.push(shifted(group));
    }
    const parts = (await Promise.all(pending)).flat().sort((a, b) => a.start - b.start);
    const out: MatchResult = { entities: [], claims: [] };
    for (const { result } of parts) {
      for (const m of result.entities) out.entities.push(m);
      for (const m of result.claims) out.claims.push(m);
    }
    return out;
  })();
  // Whoever only waits for one of the two must not leave the other's failure unhandled.
  viewResult.catch(() => undefined);
  all.catch(() => undefined);
  return { view: viewResult, all };
}
