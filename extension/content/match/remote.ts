/**
 * Matching off the page's main thread: the page's text goes to the background in pieces, each sent once, and
 * the spans come back. The piece the reader is looking at goes first and comes back on its own, so it can be drawn
 * before the rest; the rest goes in larger pieces, sent between yields so that a 5 MB page is not cloned in one task.
 * Pieces end at block separators (chunks.ts), which claims and names never cross, so the spans are the ones one
 * match over the whole text would give.
 */
import type { MatchResult } from '../../../shared/match/types.ts';
import type { ToBackground } from '../messaging.ts';
import { Slicer } from '../schedule.ts';
import { appendShifted, CHUNK_CHARS, chunkText, type Chunk } from './chunks.ts';

/** Matches one piece of text somewhere else; offsets into the piece. */
export type PieceMatcher = (text: string) => Promise<MatchResult>;

/** The background's matcher as a {@link PieceMatcher}; a refusal becomes an error. */
export function backgroundMatcher(send: ToBackground): PieceMatcher {
  return async (text) => {
    const answer = await send('page.match', { text });
    if (!answer.ok) throw new Error(`page.match: ${answer.error}`);
    return answer.value;
  };
}

/** The rest of the page goes in pieces this large: fewer messages, and the background does not mind their size. */
export const REST_CHARS = 4 * CHUNK_CHARS;

/** A text cut for matching: the piece in view, and the rest, in text order. */
export interface Pieces {
  view: Chunk | null;
  rest: Chunk[];
}

/**
 * Cuts `text` into the piece of about {@link CHUNK_CHARS} that holds offset `at` (the start of what is in view)
 * and larger pieces before and after it. Without an offset in view there is no view piece.
 */
export function cutAround(text: string, at: number | null): Pieces {
  const small = [...chunkText(text)];
  if (small.length === 0) return { view: null, rest: [] };
  const index = at === null ? -1 : small.findIndex((c) => at < c.start + c.text.length);
  if (index < 0 || small.length === 1) {
    return index < 0 ? { view: null, rest: large(text, 0, text.length) } : { view: small[0] as Chunk, rest: [] };
  }
  const view = small[index] as Chunk;
  return { view, rest: [...large(text, 0, view.start), ...large(text, view.start + view.text.length, text.length)] };
}

/** `text[from, to)` in pieces of about {@link REST_CHARS}, offsets into `text`. */
function large(text: string, from: number, to: number): Chunk[] {
  if (from >= to) return [];
  return [...chunkText(text.slice(from, to), REST_CHARS)].map((c) => ({ start: c.start + from, text: c.text }));
}

/** The view piece's matches (as soon as they come) and the whole text's (once everything came), text offsets. */
export interface PieceResults {
  view: Promise<MatchResult>;
  all: Promise<MatchResult>;
}

/**
 * Sends every piece (the view piece first), yielding between sends once a slice's budget is spent. `all` holds
 * the view piece's matches too, in text order.
 */
export function matchPieces(match: PieceMatcher, text: string, at: number | null, signal?: AbortSignal): PieceResults {
  const { view, rest } = cutAround(text, at);
  const shifted = (chunk: Chunk) =>
    match(chunk.text).then((part) => {
      const out: MatchResult = { entities: [], claims: [] };
      appendShifted(out, part, chunk.start);
      return out;
    });
  const viewResult = view ? shifted(view) : Promise.resolve<MatchResult>({ entities: [], claims: [] });
  const all = (async () => {
    const slicer = new Slicer();
    const pending: Array<{ start: number; result: Promise<MatchResult> }> = view ? [{ start: view.start, result: viewResult }] : [];
    for (const chunk of rest) {
      if (slicer.due()) await slicer.pause(signal);
      pending.push({ start: chunk.start, result: shifted(chunk) });
    }
    pending.sort((a, b) => a.start - b.start);
    const out: MatchResult = { entities: [], claims: [] };
    for (const part of await Promise.all(pending.map((p) => p.result))) {
      for (const m of part.entities) out.entities.push(m);
      for (const m of part.claims) out.claims.push(m);
    }
    return out;
  })();
  // Whoever only waits for one of the two must not leave the other's failure unhandled.
  viewResult.catch(() => undefined);
  all.catch(() => undefined);
  return { view: viewResult, all };
}
