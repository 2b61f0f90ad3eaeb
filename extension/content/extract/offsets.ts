/** From DOM boundary points back to offsets in extracted text: the inverse of render/ranges.ts, for selections and findings. */
import type { TextMap } from './text-map.ts';

function boundaryIndex(map: TextMap<Text>, container: Node, offset: number, edge: 'start' | 'end'): number | null {
  const nodes = map.nodes;
  if (nodes.length === 0) return null;
  const point = document.createRange();
  point.setStart(container, offset);
  // comparePoint(n, k): -1 when (n, k) lies before the collapsed point, 1 when after.
  let lo = 0;
  let hi = nodes.length - 1;
  let found = -1;
  if (edge === 'start') {
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (point.comparePoint(nodes[mid] as Text, 0) >= 0) (found = mid), (hi = mid - 1);
      else lo = mid + 1;
    }
    return found < 0 ? null : (map.starts[found] as number);
  }
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const node = nodes[mid] as Text;
    if (point.comparePoint(node, node.length) <= 0) (found = mid), (lo = mid + 1);
    else hi = mid - 1;
  }
  return found < 0 ? null : (map.ends[found] as number);
}

/** The offset in `map.text` of a boundary point; points between text nodes snap to the nearest text inward. */
export function offsetAt(map: TextMap<Text>, container: Node, offset: number, edge: 'start' | 'end'): number | null {
  if (container.nodeType === Node.TEXT_NODE) {
    const i = map.nodes.indexOf(container as Text);
    if (i >= 0) return Math.min((map.starts[i] as number) + offset, map.ends[i] as number);
  }
  return boundaryIndex(map, container, offset, edge);
}

/** The `[start, end)` of a DOM range in the extracted text, or null if it covers no extracted text. */
export function rangeOffsets(map: TextMap<Text>, range: Range): { start: number; end: number } | null {
  const start = offsetAt(map, range.startContainer, range.startOffset, 'start');
  const end = offsetAt(map, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  // Trim the separators and spaces a triple-click selection brings along.
  const text = map.text;
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  return e > s ? { start: s, end: e } : null;
}
