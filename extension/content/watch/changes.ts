/**
 * What a batch of mutations asks us to rescan, as plain data: the block-level roots whose text changed, or a
 * full rescan when the page changed so much that finding roots would cost more than starting over.
 */

/** Above this many changed nodes in one batch, one full rescan is cheaper than many partial ones. */
export const FLOOD_LIMIT = 1000;

/** The work one batch of mutations calls for. */
export type Rescan = { full: true } | { full: false; roots: Node[] };

/** The smallest set of roots that covers all `nodes`: a node inside another root is dropped. */
export function outermost(nodes: Iterable<Node>): Node[] {
  const set = new Set(nodes);
  // Walking up is linear in depth; comparing every pair would be quadratic in a batch of a thousand nodes.
  const covered = (node: Node) => {
    for (let p = node.parentNode; p; p = p.parentNode) if (set.has(p)) return true;
    return false;
  };
  return [...set].filter((node) => !covered(node));
}

/**
 * Roots to rescan for the nodes a batch touched. `blockOf` lifts a node to the block that holds it, so a word
 * added inside a sentence is matched with the rest of its sentence.
 */
export function planRescan(touched: ReadonlySet<Node>, blockOf: (node: Node) => Node | null): Rescan {
  if (touched.size > FLOOD_LIMIT) return { full: true };
  const blocks = new Set<Node>();
  for (const node of touched) {
    const block = node.isConnected ? blockOf(node) : null;
    if (block) blocks.add(block);
  }
  return { full: false, roots: outermost(blocks) };
}

/**
 * A test for "is this node inside one of `roots`" that stays linear over a whole store of findings: each
 * ancestor's answer is remembered, so the nodes of one paragraph share one walk up, and a deep page is climbed
 * once rather than once per finding.
 */
export function insideAny(roots: Iterable<Node>): (node: Node) => boolean {
  const known = new Map<Node, boolean>();
  for (const root of roots) known.set(root, true);
  return (node) => {
    const path: Node[] = [];
    let answer = false;
    for (let p: Node | null = node; p; p = p.parentNode) {
      const seen = known.get(p);
      if (seen !== undefined) {
        answer = seen;
        break;
      }
      path.push(p);
    }
    for (const p of path) known.set(p, answer);
    return answer;
  };
}
