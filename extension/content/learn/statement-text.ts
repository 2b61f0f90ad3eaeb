/**
 * The page's text as learning and linking read it: the extracted text with the pieces that are never statements
 * blanked out. A photo caption ("Rescue crews pump … on Wednesday.") is highlighted for its names like any text, but
 * it describes a picture, not what happened, and agencies send the same photo with the same caption to every site
 * that buys it: learned, it would link every article that used the photo. Blanking keeps every offset where it
 * was, so the spans that come back still point into the page's text.
 */
import type { TextMap } from '../extract/text-map.ts';

/** Caption elements: HTML's own, and the class names CMSs give theirs ("wp-caption-text", "image-caption"). */
const CAPTION = 'figcaption, caption, [class*="caption" i]';

/** `map.text` with every piece whose node `drop` names replaced by spaces of the same length. */
export function blankPieces<T>(map: TextMap<T>, drop: (node: T) => boolean): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < map.nodes.length; i++) {
    if (!drop(map.nodes[i] as T)) continue;
    const start = map.starts[i] as number;
    const end = Math.min(map.ends[i] as number, map.text.length);
    out += map.text.slice(from, start) + ' '.repeat(Math.max(0, end - start));
    from = end;
  }
  return from === 0 ? map.text : out + map.text.slice(from);
}

/**
 * The text nodes inside the document's captions. Found from the captions down, not by asking each text node for a
 * caption above it: a page of 100,000 text nodes has a handful of captions, and `closest()` per node made one task
 * of 110-220 ms on such a page.
 */
function captionTexts(doc: Document): Set<Node> {
  const texts = new Set<Node>();
  for (const caption of doc.querySelectorAll(CAPTION)) {
    const walker = doc.createTreeWalker(caption, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.add(node);
  }
  return texts;
}

/** The text a page's statements are read from: its extracted text without captions. */
export function statementText(map: TextMap<Text>, doc: Document = document): string {
  const captions = captionTexts(doc);
  return captions.size === 0 ? map.text : blankPieces(map, (node) => captions.has(node));
}
