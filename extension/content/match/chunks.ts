/**
 * Splits a page's text at block separators so that matching a huge page can yield between pieces.
 * Claims and names never cross a paragraph, so matching paragraph groups separately loses almost nothing: only the
 * first sentence of a piece has no sentence before it to point back at (shared/match/context.ts), once in 32,000
 * characters.
 */
import type { MatchResult } from '../../../shared/match/types.ts';
import { BLOCK_SEPARATOR } from '../extract/text-map.ts';

/** About 4 ms of matching per piece on this machine's class of hardware. */
export const CHUNK_CHARS = 32_000;

/** A piece of the text and where it starts in the whole. */
export interface Chunk {
  start: number;
  text: string;
}

/** Cuts `text` into pieces of about `size` characters, each ending at a block separator when there is one. */
export function* chunkText(text: string, size = CHUNK_CHARS): Generator<Chunk> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const cut = text.lastIndexOf(BLOCK_SEPARATOR, end);
      // A piece with no separator (one giant paragraph) is cut hard rather than grown without bound.
      if (cut > start) end = cut + BLOCK_SEPARATOR.length;
    }
    yield { start, text: text.slice(start, end) };
    start = end;
  }
}

/** Moves a piece's results to the whole text's offsets and appends them to `into`, keeping text order. */
export function appendShifted(into: MatchResult, part: MatchResult, shift: number): void {
  for (const m of part.entities) into.entities.push({ ...m, start: m.start + shift, end: m.end + shift });
  for (const m of part.claims) into.claims.push({ ...m, start: m.start + shift, end: m.end + shift });
}
