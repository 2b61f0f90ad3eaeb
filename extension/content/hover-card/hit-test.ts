/**
 * Which finding is under the pointer. Highlight API ranges get no events, so they are hit-tested:
 * CSS.highlights.highlightsFromPoint where the browser has it, a caret position check where it does not
 * (and for the <mark> fallback). An entity wins over the claim around it: it is the smaller, more specific target.
 */
import type { Finding, FindingStore } from '../findings.ts';

/** What a hit test reads of the findings. */
export type HitTargets = Pick<FindingStore, 'all' | 'byRange' | 'size'>;

interface HitResult {
  highlight?: unknown;
  ranges?: AbstractRange[];
}
type HitTestRegistry = { highlightsFromPoint?: (x: number, y: number) => HitResult[] };

function prefer(found: Finding[]): Finding | null {
  return found.find((f) => f.kind === 'entity') ?? found[0] ?? null;
}

/** Hits from the Highlight API; null when the API is missing or does not report ranges (early drafts did not). */
function fromHighlightApi(x: number, y: number, store: HitTargets): Finding[] | null {
  const registry = (typeof CSS !== 'undefined' ? CSS.highlights : undefined) as HitTestRegistry | undefined;
  if (typeof registry?.highlightsFromPoint !== 'function') return null;
  const hits = registry.highlightsFromPoint(x, y);
  if (hits.some((hit) => !Array.isArray(hit.ranges))) return null;
  return hits.flatMap((hit) => (hit.ranges ?? []).map((r) => store.byRange(r)).filter((f): f is Finding => !!f));
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function rectsContain(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  return false;
}

/** Hits by caret position: the caret lands on the nearest text even in a margin, so the rects confirm it. */
function fromCaret(x: number, y: number, store: HitTargets): Finding[] {
  const caret = caretAt(x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return [];
  return store.all().filter((f) => {
    try {
      return f.range.isPointInRange(caret.node, caret.offset) && rectsContain(f.range, x, y);
    } catch {
      return false;
    }
  });
}

/** The finding under viewport point (x, y), or null. */
export function findingAt(x: number, y: number, store: HitTargets): Finding | null {
  if (store.size === 0) return null;
  return prefer(fromHighlightApi(x, y, store) ?? fromCaret(x, y, store));
}
