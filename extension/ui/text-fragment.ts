/**
 * Links that open a web page at a quote: URL text fragments (`#:~:text=start,end`), which Chromium and Firefox
 * (131+) scroll to and highlight. Pure, so it is tested with strings.
 */

/** Quotes up to this many words go into the fragment whole; longer ones as their first and last words. */
const WHOLE_WORDS = 8;
/** Words taken from each end of a long quote: enough to be unique on a page, short enough to survive edits. */
const EDGE_WORDS = 4;

/** Percent-encodes a fragment term: `-`, `,` and `&` have meaning in the directive, so they are encoded too. */
export function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

/** The `text=` directive's value for a quote: `start` or `start,end`; empty if the quote has no words. */
export function textDirective(quote: string): string {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  if (words.length <= WHOLE_WORDS) return encodeTerm(words.join(' '));
  const start = words.slice(0, EDGE_WORDS).join(' ');
  const end = words.slice(-EDGE_WORDS).join(' ');
  return `${encodeTerm(start)},${encodeTerm(end)}`;
}

/**
 * `url` with a text fragment for `quote`. An existing fragment is kept (the directive follows it), an existing
 * directive is replaced. Returns `url` unchanged when the quote gives nothing to search for.
 */
export function textFragmentUrl(url: string, quote: string): string {
  const directive = textDirective(quote);
  if (!directive) return url;
  const hashAt = url.indexOf('#');
  const base = hashAt < 0 ? url : url.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : url.slice(hashAt + 1);
  const directiveAt = hash.indexOf(':~:');
  const keptHash = directiveAt < 0 ? hash : hash.slice(0, directiveAt);
  return `${base}#${keptHash}:~:text=${directive}`;
}
