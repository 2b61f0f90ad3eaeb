/**
 * The page's text as one string, and the way back from string offsets to the places they came from.
 * Generic over the place type so the same code serves DOM text nodes in the browser and plain strings in tests.
 */

/** Inserted between blocks so the words of two paragraphs never join and sentences never run together. */
export const BLOCK_SEPARATOR = '\n\n';

/** A position inside one piece of text: the piece's owner and a UTF-16 offset into it. */
export interface Place<T> {
  node: T;
  offset: number;
}

/** Extracted text plus the pieces it was assembled from. */
export interface TextMap<T> {
  text: string;
  /** Owner of each piece, in text order. */
  nodes: T[];
  /** Where each piece starts in `text`; parallel to `nodes`, strictly increasing. */
  starts: number[];
  /** Where each piece ends in `text`; kept so the map stays right even if a node's text changes later. */
  ends: number[];
}

/** Collects pieces in reading order; block boundaries become one separator, never two in a row. */
export class TextMapBuilder<T> {
  private parts: string[] = [];
  private nodes: T[] = [];
  private starts: number[] = [];
  private ends: number[] = [];
  private length = 0;
  /** True while the text so far ends at a block boundary (or is empty), so no separator is due. */
  private atBoundary = true;

  /** Appends a piece of text owned by `node`; empty pieces are dropped. */
  addText(node: T, text: string): void {
    if (text.length === 0) return;
    this.nodes.push(node);
    this.starts.push(this.length);
    this.parts.push(text);
    this.length += text.length;
    this.ends.push(this.length);
    this.atBoundary = false;
  }

  /** Marks a block boundary: the next text starts a new paragraph. */
  addBreak(): void {
    if (this.atBoundary) return;
    this.parts.push(BLOCK_SEPARATOR);
    this.length += BLOCK_SEPARATOR.length;
    this.atBoundary = true;
  }

  /** Length of the text so far. */
  get size(): number {
    return this.length;
  }

  /** The finished map; the builder should not be used afterwards. */
  finish(): TextMap<T> {
    return { text: this.parts.join(''), nodes: this.nodes, starts: this.starts, ends: this.ends };
  }
}

/** Index of the piece that holds `offset`, or -1 when the offset lies before any piece. */
function pieceAt<T>(map: TextMap<T>, offset: number): number {
  let lo = 0;
  let hi = map.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((map.starts[mid] as number) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Where a match boundary lies in the source pieces. A start that falls in a separator moves forward to the next
 * piece; an end that falls in a separator moves back to the end of the previous piece, so ranges never swallow
 * the gap between blocks. Returns null when the offset lies outside all text.
 */
export function resolveOffset<T>(
  map: TextMap<T>,
  offset: number,
  edge: 'start' | 'end',
): Place<T> | null {
  if (map.nodes.length === 0 || offset < 0 || offset > map.text.length) return null;
  // An end offset belongs to the piece it closes, so look up the character before it.
  let i = pieceAt(map, edge === 'end' ? offset - 1 : offset);
  if (i < 0) return edge === 'start' ? { node: map.nodes[0] as T, offset: 0 } : null;
  const start = map.starts[i] as number;
  const end = map.ends[i] as number;
  if (offset <= end) return { node: map.nodes[i] as T, offset: offset - start };
  // The offset is in a separator after piece i.
  if (edge === 'end') return { node: map.nodes[i] as T, offset: end - start };
  i += 1;
  return i < map.nodes.length ? { node: map.nodes[i] as T, offset: 0 } : null;
}
