/** Helpers for the <mark> fallback: which parts of which text nodes a range covers, and cutting nodes there. */

/** Part of one text node: `[start, end)` of its data. */
export interface Segment {
  node: Text;
  start: number;
  end: number;
}

/** The text-node parts a range covers, in document order. */
export function textSegments(range: Range): Segment[] {
  const out: Segment[] = [];
  const root = range.commonAncestorContainer;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let node: Node | null = root.nodeType === Node.TEXT_NODE ? root : walker.nextNode();
  for (; node; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) continue;
    const text = node as Text;
    const start = text === range.startContainer ? range.startOffset : 0;
    const end = text === range.endContainer ? range.endOffset : text.length;
    if (end > start) out.push({ node: text, start, end });
  }
  return out;
}

/**
 * Splits every text node at every segment edge, then returns a lookup from a segment to the pieces that now
 * hold its text. Splitting from the highest offset down keeps the lower offsets valid.
 */
export function cutTextNodes(segments: readonly Segment[]): (s: Segment) => Text[] {
  const cuts = new Map<Text, Set<number>>();
  for (const s of segments) {
    const set = cuts.get(s.node) ?? new Set<number>();
    set.add(s.start).add(s.end);
    cuts.set(s.node, set);
  }
  const pieces = new Map<Text, { at: number; piece: Text }[]>();
  for (const [node, offsets] of cuts) {
    const list = [{ at: 0, piece: node }];
    const inner = [...offsets].filter((o) => o > 0 && o < node.length).sort((a, b) => b - a);
    for (const at of inner) list.splice(1, 0, { at, piece: node.splitText(at) });
    pieces.set(node, list);
  }
  return (s) =>
    (pieces.get(s.node) ?? [])
      .filter((p) => p.at >= s.start && p.at < s.end)
      .map((p) => p.piece);
}
