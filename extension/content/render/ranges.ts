/** Offsets become DOM Ranges here and nowhere else: the one place that joins match results to the page. */
import type { MatchResult } from '../../../shared/match/types.ts';
import type { Finding } from '../findings.ts';
import { resolveOffset, type TextMap } from '../extract/text-map.ts';

/** A live Range over `[start, end)` of the extracted text, or null if the text is gone or the span is empty. */
export function rangeFor(map: TextMap<Text>, start: number, end: number): Range | null {
  const from = resolveOffset(map, start, 'start');
  const to = resolveOffset(map, end, 'end');
  if (!from || !to || !from.node.isConnected || !to.node.isConnected) return null;
  const range = document.createRange();
  try {
    range.setStart(from.node, Math.min(from.offset, from.node.length));
    range.setEnd(to.node, Math.min(to.offset, to.node.length));
  } catch {
    // The page rewrote a node between extraction and now; the next mutation batch rescans it.
    return null;
  }
  return range.collapsed ? null : range;
}

/** Turns one scan's match results into findings, dropping any whose text moved away meanwhile. */
export function findingsFor(map: TextMap<Text>, result: MatchResult): Finding[] {
  const out: Finding[] = [];
  const push = (kind: Finding['kind'], id: string, start: number, end: number, score: number) => {
    const range = rangeFor(map, start, end);
    if (range) out.push({ kind, id, range, text: map.text.slice(start, end), score, start, end });
  };
  for (const m of result.claims) push('claim', m.claim, m.start, m.end, m.score);
  for (const m of result.entities) push('entity', m.entity, m.start, m.end, 1);
  return out;
}
