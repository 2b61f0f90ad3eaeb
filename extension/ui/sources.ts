/**
 * The one source list: which other sources report a claim, with which passages, in which order. The hover card
 * and the sidebar both build their lists here, from the same occurrences (the knowledge base's and those of the
 * pages the reader read), so they list the same sources in the same order. Pure.
 */
import type { Lang } from '../../shared/kb/types.ts';
import type { SourceInfo } from '../../shared/messages.ts';
import { pageAddress } from '../../shared/userdata/address.ts';
import { formatDate } from './kb-text.ts';
import { passageLink } from './links.ts';
import type { ClaimView, SourceQuote } from './models.ts';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** True when two passages are the same wording, allowing for whitespace and one containing the other. */
export function samePassage(a: string, b: string): boolean {
  const x = squash(a);
  const y = squash(b);
  return x === y || (x.length > 20 && y.includes(x)) || (y.length > 20 && x.includes(y));
}

/** Quotation marks of German, English and French typography, and the typewriter ones. */
const QUOTE_MARKS = '"\'„“”‚‘’«»‹›';

/** Whether a passage opens or closes with a quotation mark of its own (then a view adds no second pair). */
export function isQuoted(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && (QUOTE_MARKS.includes(t[0]!) || QUOTE_MARKS.includes(t.at(-1)!));
}

/** One passage of a claim in a source, as the knowledge base or the user's reading gives it. */
export interface PassageEntry {
  sourceId: string;
  source: SourceInfo | undefined;
  quote: string;
  /** The reader confirmed this passage states the claim. */
  confirmed?: boolean;
}

/** Whether a source is the page itself (a page read is recorded under its address). */
const isAt = (source: SourceInfo | undefined, url: string) => !!source?.url && pageAddress(source.url) === pageAddress(url);

/** What a page knows of itself, to leave its own wording out of "also reported by". */
export interface PageContext {
  /** The page's address. */
  url: string;
  /** The page's claim passages: which claim, and the page's words. */
  passages: ReadonlyArray<{ claimId: string; text: string }>;
}

/** Passages of a source that must agree with the page before the page is taken to be that source. */
const SAME_SOURCE_MIN = 2;


/** Pages read, pages learned from and added articles (the reader's own sources), as against the knowledge base's. */
export const isOwnSource = (id: string) => id.startsWith('page:') || id.startsWith('article:') || id.startsWith('read:');

/**
 * The sources this page is (a copy of): any at its address (a page read is recorded under it), and any
 * knowledge-base source whose own wording of two or more of the page's claims is on the page. Only the knowledge
 * base's sources are judged by wording, so a view that knows the reader's own sources for one claim only (the
 * card) reaches the same answer as one that knows them for all (the sidebar).
 */
export function pageSources(page: PageContext, entriesOf: (claimId: string) => readonly PassageEntry[]): Set<string> {
  const out = new Set<string>();
  const agreeing = new Map<string, Set<string>>();
  for (const p of page.passages) {
    for (const e of entriesOf(p.claimId)) {
      if (isAt(e.source, page.url)) out.add(e.sourceId);
      if (isOwnSource(e.sourceId) || !samePassage(e.quote, p.text)) continue;
      // Claims, not passages, are counted: a caption that repeats the lead is one agreement, not two.
      agreeing.set(e.sourceId, (agreeing.get(e.sourceId) ?? new Set()).add(p.claimId));
    }
  }
  for (const [id, claims] of agreeing) if (claims.size >= SAME_SOURCE_MIN) out.add(id);
  return out;
}

/** The order of the list: knowledge-base sources, then the reader's own; each by date, then title. */
function bySourceOrder(a: SourceQuote & { sortDate: string }, b: SourceQuote & { sortDate: string }): number {
  return (
    Number(isOwnSource(a.sourceId)) - Number(isOwnSource(b.sourceId)) ||
    a.sortDate.localeCompare(b.sortDate) ||
    a.title.localeCompare(b.title) ||
    a.sourceId.localeCompare(b.sourceId)
  );
}

/**
 * Each other source once, with its distinct passages (a caption that repeats the lead is one passage), each
 * linked to its place and tagged with its language. Leaves out the page's own sources, the source at the page's
 * address, and the page's own wording.
 */
export function sourceList(entries: readonly PassageEntry[], claimId: string, page: { url: string; passage: string }, own: ReadonlySet<string>, lang: Lang): SourceQuote[] {
  const bySource = new Map<string, SourceQuote & { sortDate: string }>();
  for (const e of entries) {
    if (own.has(e.sourceId) || isAt(e.source, page.url) || samePassage(e.quote, page.passage)) continue;
    const entry = bySource.get(e.sourceId) ?? {
      sourceId: e.sourceId,
      title: e.source?.title || e.sourceId,
      date: e.source?.date ? formatDate(e.source.date, lang) : '',
      sortDate: e.source?.date ?? '',
      byline: e.source?.byline,
      ...(e.source?.readOn ? { readOn: formatDate(e.source.readOn, lang) } : {}),
      ...(isOwnSource(e.sourceId) ? { rejectable: true } : {}),
      passages: [],
    };
    if (!entry.passages.some((p) => samePassage(p.text, e.quote))) {
      entry.passages.push({
        text: e.quote,
        link: passageLink(e.source ?? { id: e.sourceId }, e.quote, claimId),
        lang: e.source?.lang ?? lang,
        quoted: isQuoted(e.quote),
        ...(e.confirmed ? { confirmed: true } : {}),
      });
    }
    bySource.set(e.sourceId, entry);
  }
  return [...bySource.values()].sort(bySourceOrder).map(({ sortDate: _sortDate, ...o }) => ({
    ...o,
    // A headline that only repeats the title goes after the body's own wording.
    passages: [...o.passages].sort((x, y) => Number(x.text === o.title) - Number(y.text === o.title)),
  }));
}

/** A claim as both views show it. */
export function claimView(
  claim: { id: string; statement: string; speaker: string | null },
  page: { url: string; passage: string },
  entries: readonly PassageEntry[],
  own: ReadonlySet<string>,
  lang: Lang,
): ClaimView {
  return {
    claimId: claim.id,
    statement: claim.statement,
    speaker: claim.speaker,
    passage: page.passage,
    others: sourceList(entries, claim.id, page, own, lang),
  };
}
