/**
 * Reads the visible text under a root into a TextMap, in document order, a slice at a time.
 * The only module besides render/ that touches the page, and it only reads.
 */
import { Slicer } from '../schedule.ts';
import { articleTextLength, insideBoilerplate, isBlock, isSkipped } from './filter.ts';
import { TextMapBuilder, type TextMap } from './text-map.ts';

/** Nodes visited between clock reads: reading the clock per node would cost more than the nodes. */
const CHECK_EVERY = 32;

/** The text under a root, and whether the walk saw the whole subtree (the page may change while we yield). */
export interface Extraction {
  map: TextMap<Text>;
  complete: boolean;
}

/** Whether to enter `node`: text is taken, skipped elements and their subtrees are not. */
function enter(node: Node, builder: TextMapBuilder<Text>): boolean {
  if (node.nodeType === Node.TEXT_NODE) {
    // A credit or copyright line ("Foto: …/dpa", "© …") is not the article's text, nor a caption's closing credit.
    const data = (node as Text).data;
    const keep = articleTextLength(data, node.parentElement?.tagName === 'FIGCAPTION');
    builder.addText(node as Text, keep === data.length ? data : data.slice(0, keep));
    return false;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  const el = node as Element;
  // enter() is called only on children of elements the walk entered, so the parent is shown.
  if (isSkipped(el, true)) return false;
  if (isBlock(el)) builder.addBreak();
  return true;
}

/** Called when the walk leaves an element it entered. */
function leave(node: Node, builder: TextMapBuilder<Text>): void {
  if (node.nodeType === Node.ELEMENT_NODE && isBlock(node as Element)) builder.addBreak();
}

/**
 * Reads the text under each of `roots` into one map, a block break between roots, so a batch of changed
 * paragraphs is matched and drawn once. Roots should not contain one another (see watch/changes.ts outermost).
 */
export async function extractText(roots: Node | readonly Node[], signal?: AbortSignal): Promise<Extraction> {
  const builder = new TextMapBuilder<Text>();
  const slicer = new Slicer();
  let complete = true;
  for (const root of Array.isArray(roots) ? roots : [roots as Node]) {
    if (!root.isConnected) continue;
    builder.addBreak();
    complete = (await walk(root, builder, slicer, signal)) && complete;
  }
  return { map: builder.finish(), complete };
}

/**
 * Walks `root` without recursion (hostile pages nest deeply), yielding to the page between slices.
 * If the node we stand on is removed while we yield, the walk stops and says false (incomplete).
 */
async function walk(root: Node, builder: TextMapBuilder<Text>, slicer: Slicer, signal?: AbortSignal): Promise<boolean> {
  let node: Node = root;
  let visited = 0;
  // A changed part of the page inside the site's navigation, footer or side boxes is not read either.
  if (root !== document.body && insideBoilerplate(root)) return true;
  let descend = root.nodeType === Node.ELEMENT_NODE ? !isSkipped(root as Element) : enter(root, builder);
  for (;;) {
    if (++visited % CHECK_EVERY === 0 && slicer.due()) {
      await slicer.pause(signal);
      if (!root.contains(node)) return false;
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      descend = enter(node, builder);
      continue;
    }
    if (descend) leave(node, builder);
    while (node !== root && !node.nextSibling) {
      node = node.parentNode as Node;
      leave(node, builder);
    }
    if (node === root) break;
    node = node.nextSibling as Node;
    descend = enter(node, builder);
  }
  return true;
}
