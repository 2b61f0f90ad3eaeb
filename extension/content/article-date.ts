/**
 * The article's own publication date, from its metadata: JSON-LD `datePublished`, the Open Graph
 * `article:published_time`, schema.org microdata, then the first `<time datetime>` of the article. A page read is
 * recorded with this date, so that no view shows the day it was read as if it were the article's.
 * The parsing is pure; only {@link articlePublished} reads the document.
 */

/** A date or date-time text as `YYYY-MM-DD`, or null if it does not start with a plausible calendar date. */
export function calendarDate(text: string): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text);
  if (!m) return null;
  const [, y, mo, d] = m.map(Number) as [number, number, number, number];
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** JSON-LD nodes that describe the page's article (`@graph` and arrays flattened), in document order. */
function nodes(data: unknown, out: Array<Record<string, unknown>> = [], depth = 0): Array<Record<string, unknown>> {
  if (depth > 4 || data === null || typeof data !== 'object') return out;
  if (Array.isArray(data)) {
    for (const item of data) nodes(item, out, depth + 1);
    return out;
  }
  const node = data as Record<string, unknown>;
  out.push(node);
  if (node['@graph'] !== undefined) nodes(node['@graph'], out, depth + 1);
  return out;
}

/** The first `datePublished` in a JSON-LD script's text; null if there is none or the text is not JSON. */
export function jsonLdPublished(text: string): string | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  for (const node of nodes(data)) {
    const value = node.datePublished;
    const date = typeof value === 'string' ? calendarDate(value) : null;
    if (date) return date;
  }
  return null;
}

/** Longest JSON-LD script read: article metadata is small, a hostile page's script need not be parsed whole. */
const MAX_JSON_LD = 200_000;

/** The article's publication date as `YYYY-MM-DD`, or undefined when its metadata does not give one. */
export function articlePublished(doc: Document): string | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    const date = text.length <= MAX_JSON_LD ? jsonLdPublished(text) : null;
    if (date) return date;
  }
  const metas = [
    'meta[property="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="DC.date.issued"]',
  ];
  for (const selector of metas) {
    const date = calendarDate(doc.querySelector(selector)?.getAttribute('content') ?? '');
    if (date) return date;
  }
  const time = doc.querySelector('article time[datetime], main time[datetime], time[itemprop="datePublished"], time[datetime]');
  return calendarDate(time?.getAttribute('datetime') ?? '') ?? undefined;
}
