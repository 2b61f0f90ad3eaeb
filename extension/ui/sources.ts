/** Grouping a claim's passages by source for "also reported by" lists (card and sidebar). Pure. */
import type { Lang } from '../../shared/kb/types.ts';
import type { SourceInfo } from '../../shared/messages.ts';
import { formatDate } from './kb-text.ts';
import { passageLink } from './links.ts';
import type { SourceQuote } from './models.ts';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** True when two passages are the same wording, allowing for whitespace and one containing the other. */
export function samePassage(a: string, b: string): boolean {
  const x = squash(a);
  const y = squash(b);
  return x === y || (x.length > 20 && y.includes(x)) || (y.length > 20 && x.includes(y));
}

/** One passage of a claim in a source, as the knowledge base gives it. */
export interface PassageEntry {
  sourceId: string;
  source: SourceInfo | undefined;
  quote: string;
}

/**
 * Each source once, with its distinct passages (a headline that repeats the title after the body's own wording),
 * each linked to that passage. `skip` leaves out passages the caller should not list (the page's own).
 */
export function groupBySource(entries: readonly PassageEntry[], claimId: string, lang: Lang, skip: (e: PassageEntry) => boolean): SourceQuote[] {
  const bySource = new Map<string, SourceQuote>();
  for (const e of entries) {
    if (skip(e)) continue;
    const entry = bySource.get(e.sourceId) ?? {
      sourceId: e.sourceId,
      title: e.source?.title || e.sourceId,
      date: e.source?.date ? formatDate(e.source.date, lang) : '',
      byline: e.source?.byline,
      passages: [],
    };
    if (!entry.passages.some((p) => p.text === e.quote)) {
      entry.passages.push({ text: e.quote, link: passageLink(e.source ?? { id: e.sourceId }, e.quote, claimId) });
    }
    bySource.set(e.sourceId, entry);
  }
  return [...bySource.values()].map((o) => ({
    ...o,
    passages: [...o.passages].sort((x, y) => Number(x.text === o.title) - Number(y.text === o.title)),
  }));
}
