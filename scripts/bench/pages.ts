/**
 * The pages the highlighting benchmarks run on, generated from the knowledge base's own source articles so that
 * every page holds real mentions of real entities and claims. Deterministic: the same KB gives the same bytes.
 *   - article: one news article in a typical page frame;
 *   - bulk(bytes): article sections repeated (with links and emphasis, as news sites have) up to a size;
 *   - textNodes(n): a live ticker with exactly n text nodes, most of them short labels.
 */

/** What a page is built from: a source's title and its text, paragraphs separated by blank lines. */
export interface PageSource {
  title: string;
  text: string;
}

/** A generated page and facts about it the bench reports. */
export interface GeneratedPage {
  html: string;
  /** Text nodes in the body, counting only those the generator wrote (no whitespace-only nodes). */
  textNodes: number;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

function paragraphs(source: PageSource): string[] {
  return source.text.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
}

/** Text nodes the frame itself writes into the body: three navigation links and the footer. */
const FRAME_TEXT_NODES = 4;

/** The head every page shares; `headExtra` goes into the head before anything else runs. */
function frame(title: string, body: string, headExtra: string): string {
  return (
    `<!doctype html><html lang="de"><head><meta charset="utf-8">${headExtra}<title>${escapeHtml(title)}</title>` +
    `<style>body{font:16px/1.5 serif;max-width:42em;margin:auto}nav a{margin-right:1em}</style></head>` +
    `<body><header><nav><a href="#">Politik</a><a href="#">Ausland</a><a href="#">Wirtschaft</a></nav></header>` +
    `<main>${body}</main><footer><p>© Bench Zeitung</p></footer></body></html>`
  );
}

/** One article section: headline, paragraphs; every third paragraph gets a link around its first sentence. */
function section(source: PageSource, k: number): { html: string; textNodes: number } {
  let textNodes = 1;
  const parts = paragraphs(source).map((p, i) => {
    const cut = p.indexOf('. ');
    if (i % 3 !== 1 || cut < 0) {
      textNodes += 1;
      return `<p>${escapeHtml(p)}</p>`;
    }
    textNodes += 2;
    return `<p><a href="#s${k}">${escapeHtml(p.slice(0, cut + 1))}</a>${escapeHtml(p.slice(cut + 1))}</p>`;
  });
  return { html: `<article id="s${k}"><h2>${escapeHtml(source.title)}</h2>${parts.join('')}</article>`, textNodes };
}

/** The first source as a single article page. */
export function articlePage(sources: readonly PageSource[], headExtra = ''): GeneratedPage {
  const { html, textNodes } = section(sources[0]!, 0);
  return { html: frame(sources[0]!.title, html, headExtra), textNodes: textNodes + FRAME_TEXT_NODES };
}

/** Article sections, cycling through the sources, until the page is at least `bytes` long (UTF-8). */
export function bulkPage(sources: readonly PageSource[], bytes: number, headExtra = ''): GeneratedPage {
  const sections: string[] = [];
  let size = 0;
  let textNodes = FRAME_TEXT_NODES;
  for (let k = 0; size < bytes; k++) {
    const s = section(sources[k % sources.length]!, k);
    sections.push(s.html);
    size += Buffer.byteLength(s.html);
    textNodes += s.textNodes;
  }
  return { html: frame(`${bytes / 1e6} MB`, sections.join(''), headExtra), textNodes };
}

const LABELS = ['Update', 'Eilmeldung', 'Video', 'Live', 'Grafik', 'Zitat', 'Reaktion', 'Korrektur'];

/**
 * A page of exactly `count` text nodes: a live ticker, one post per paragraph, each a time and a line; every tenth
 * line is a whole sentence from the sources (so names stay in one text node) and the rest are short labels.
 *
 * It was a home page's list of linked teaser headlines until extraction learned to skip link lists as navigation
 * (extension/content/extract/filter.ts): a list whose text is mostly link text is the site's menu or its "more on
 * this" teasers, headlines of other articles that the reader did not open, and Crossread reads only the page's own
 * text. The page a reader reads with 100,000 text nodes is a long ticker or thread, which this now is.
 */
export function textNodesPage(sources: readonly PageSource[], count: number, headExtra = ''): GeneratedPage {
  const sentences = sources.flatMap((s) => paragraphs(s).flatMap((p) => p.split(/(?<=[.!?])\s+/))).filter((s) => s.length > 20);
  const posts: string[] = [];
  // Each post writes 2 text nodes.
  const postCount = Math.floor((count - FRAME_TEXT_NODES) / 2);
  for (let k = 0; k < postCount; k++) {
    const line = k % 10 === 0 ? sentences[(k / 10) % sentences.length]! : `${LABELS[k % LABELS.length]} ${k}`;
    posts.push(`<p><time>${String(8 + Math.floor(k / 3600) % 16).padStart(2, '0')}:${String(Math.floor(k / 60) % 60).padStart(2, '0')}</time> ${escapeHtml(line)}</p>`);
  }
  // An odd count gets one more node, so the page has exactly `count`.
  const extra = (count - FRAME_TEXT_NODES) % 2 === 1 ? '<p>Ende</p>' : '';
  return { html: frame(`${count} text nodes`, `<article>${posts.join('')}</article>${extra}`, headExtra), textNodes: count };
}
