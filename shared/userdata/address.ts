/**
 * Keys of the reader's rejections ("Not this claim"): the page they hold for, written so that the same article
 * reached by another link (a newsletter's, a social network's) is the same page, and the key of a link between a
 * page's sentence and a passage read elsewhere.
 */

/**
 * Query parameters that only say how the reader got to a page (campaign tags, click ids), never which article it
 * is. Matched by name, case-insensitively; `utm_` stands for every parameter that starts with it.
 */
const TRACKING = new Set(['fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'igshid', 'mc_cid', 'mc_eid', '_ga', '_gl', 'ocid', 'cmpid']);

function isTracking(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || TRACKING.has(n);
}

/**
 * A page's address as rejections key it: without its fragment and without tracking parameters; the query that
 * picks the article (`?id=42`, `?p=7`) stays, in its order. A text that is no URL is only cut at its fragment.
 */
export function pageAddress(url: string): string {
  const bare = url.split('#')[0]!;
  let parsed: URL;
  try {
    parsed = new URL(bare);
  } catch {
    return bare;
  }
  const query = parsed.search === '' ? '' : bare.slice(bare.indexOf('?') + 1);
  const kept = query
    .split('&')
    .filter((pair) => pair !== '' && !isTracking(decodeName(pair.split('=')[0]!)));
  parsed.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return parsed.href;
}

/** A parameter's name as written, decoded where it can be (`utm%5Fsource` is `utm_source`). */
function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** A short stable hash (FNV-1a, 32 bits) of a text, in base 36. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** Prefix of the claim field of a rejected link to a passage read (no claim of the knowledge base starts so). */
export const LINK_KEY_PREFIX = 'link:';

/**
 * What a rejected link between a page's sentence and a passage read elsewhere is recorded under in place of a claim
 * id: the claims learned from pages read are renamed as more pages are read, the sentence that was linked is not.
 * `sentence` is the page's own wording, whitespace collapsed the way rejections compare passages.
 */
export function linkKey(sentence: string): string {
  const words = sentence.replace(/\s+/g, ' ').trim();
  return `${LINK_KEY_PREFIX}${hash(words)}${words.length.toString(36)}`;
}
