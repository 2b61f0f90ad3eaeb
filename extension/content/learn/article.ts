/**
 * Whether a page is an article, and what its metadata says of it: the signals a page gives in its head
 * (schema.org JSON-LD, Open Graph), and, failing those, a cheap main-content check in the spirit of Readability:
 * enough running text in paragraphs, most of it in one container. Home pages, search results and comment
 * threads have many short blocks, not one long body. Reads the document only; pure otherwise.
 */

/** What the page's metadata says: title, language, publication date (`YYYY-MM-DD`, never the day it is read). */
export interface ArticleMeta {
  title: string;
  lang?: 'de' | 'en';
  date?: string;
}

const ARTICLE_TYPES = /^(?:News|Report|Scholarly|Tech|Opinion|Analysis|Reportage|Review|Background|Satirical|Advertiser)?Article$|^BlogPosting$/;
/** Running text a page needs, in paragraphs of one container, to count as an article without metadata. */
const MIN_BODY_CHARS = 1200;
const MIN_PARAGRAPH_CHARS = 80;
const MIN_PARAGRAPHS = 4;

/** Every JSON-LD object of the page, `@graph` members and array items included; malformed blocks are skipped. */
function jsonLd(doc: Document): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Record<string, unknown>;
    out.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // A page's broken metadata is its own business: the other signals still count.
    }
  }
  return out;
}

const types = (o: Record<string, unknown>) => (Array.isArray(o['@type']) ? o['@type'] : [o['@type']]).filter((t): t is string => typeof t === 'string');

function articleLd(doc: Document): Record<string, unknown> | undefined {
  return jsonLd(doc).find((o) => types(o).some((t) => ARTICLE_TYPES.test(t)));
}

function meta(doc: Document, name: string): string | undefined {
  const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
  return el?.getAttribute('content')?.trim() || undefined;
}

/** Whether the page's paragraphs hold an article's body: enough long paragraphs under one parent. */
export function hasMainContent(doc: Document): boolean {
  const byParent = new Map<Element, { chars: number; count: number }>();
  for (const p of doc.querySelectorAll('p')) {
    const length = (p.textContent ?? '').replace(/\s+/g, ' ').trim().length;
    if (length < MIN_PARAGRAPH_CHARS || !p.parentElement || p.closest('nav, footer, aside, header, form')) continue;
    const entry = byParent.get(p.parentElement) ?? { chars: 0, count: 0 };
    entry.chars += length;
    entry.count += 1;
    byParent.set(p.parentElement, entry);
  }
  return [...byParent.values()].some((e) => e.chars >= MIN_BODY_CHARS && e.count >= MIN_PARAGRAPHS);
}

/** Whether the page is an article: JSON-LD NewsArticle/Article, `og:type=article`, or a main body of paragraphs. */
export function isArticle(doc: Document): boolean {
  if (articleLd(doc)) return true;
  if (meta(doc, 'og:type')?.toLowerCase() === 'article') return true;
  return hasMainContent(doc);
}

/** `YYYY-MM-DD` of an ISO date or date-time; undefined for anything else. */
export function isoDay(value: string | undefined): string | undefined {
  const m = value?.trim().match(/^(\d{4}-\d{2}-\d{2})(?:$|[T ])/);
  return m?.[1];
}

/** The article's title, language and publication date, from its metadata. */
export function articleMeta(doc: Document): ArticleMeta {
  const ld = articleLd(doc);
  const date =
    isoDay(typeof ld?.['datePublished'] === 'string' ? ld['datePublished'] : undefined) ??
    isoDay(meta(doc, 'article:published_time')) ??
    isoDay(meta(doc, 'datePublished')) ??
    isoDay(meta(doc, 'date')) ??
    isoDay(doc.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime') ?? undefined);
  const declared = (doc.documentElement.lang || (typeof ld?.['inLanguage'] === 'string' ? ld['inLanguage'] : '')).toLowerCase();
  const lang = declared.startsWith('de') ? 'de' : declared.startsWith('en') ? 'en' : undefined;
  const headline = typeof ld?.['headline'] === 'string' ? ld['headline'] : undefined;
  const title = (meta(doc, 'og:title') ?? headline ?? doc.title).slice(0, 2000);
  return { title, ...(lang && { lang }), ...(date && { date }) };
}
