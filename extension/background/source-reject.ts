/**
 * "Not this claim" on a source listed under "also reported by": the reader, on a later page, says a page read
 * earlier (or an article they added) does not state the claim through the passage shown. The source is taken out
 * for that passage and the rejection kept, keyed like the page's own rejections (page address, claim, passage), so
 * the page never becomes that source again, read again or not. The knowledge base's own sources are curated and
 * are not the reader's to reject.
 */
import { LINK_KEY_PREFIX, linkKey, pageAddress } from '../../shared/userdata/address.ts';
import { passageKey, type UserRejection } from '../../shared/userdata/types.ts';
import type { CrossreadDb } from './db.ts';

/** The source ids of pages read as learned links (learned.ts READ_SOURCE_PREFIX; not imported, learned.ts imports us). */
const READ_SOURCE_PREFIX = 'read:';

/** The reader's own sources: pages read (recorded under `page:`, linked as learned under `read:`) and articles added. */
export function isReaderSource(sourceId: string): boolean {
  return sourceId.startsWith('page:') || sourceId.startsWith(READ_SOURCE_PREFIX) || sourceId.startsWith('article:');
}

/** A rejection the reader made that a call cannot carry out; its message is shown as it is. */
export class CannotReject extends Error {}

/** What the reader rejected: which source's passage, for which claim, seen beside which sentence of their page. */
export interface SourceRejection {
  claimId: string;
  sourceId: string;
  /** The passage of the source, as listed. */
  quote: string;
  /** The sentence of the page the reader is on that the claim was found in (a learned link is between the two). */
  passage: string;
}

/**
 * Takes a source out of a claim's list for a passage and remembers it. Answers whether anything was taken out and
 * whether the claim has no source left (a learned claim then goes from the page).
 */
export async function rejectSource(db: CrossreadDb, r: SourceRejection, now = Date.now()): Promise<{ removed: boolean; claimGone: boolean }> {
  const quote = passageKey(r.quote);
  if (!quote) throw new CannotReject('That passage is empty, so there is nothing to reject.');
  if (!isReaderSource(r.sourceId)) {
    throw new CannotReject("This source is part of Crossread's curated knowledge base; only pages you read or articles you added can be rejected.");
  }
  if (r.sourceId.startsWith(READ_SOURCE_PREFIX)) return rejectLink(db, r, quote, now);
  return db.transaction('rw', db.userSources, db.userOccurrences, db.rejections, async () => {
    const source = await db.userSources.get(r.sourceId);
    if (!source) throw new CannotReject('That page is no longer among your sources (it was deleted or your data was cleared).');
    // A page read holds for the article however it is reached; an added article is known by its text (its id).
    const url = r.sourceId.startsWith('page:') ? pageAddress(source.url ?? r.sourceId.slice('page:'.length)) : r.sourceId;
    const row: UserRejection = { url, claimId: r.claimId, quote, created: now };
    await db.rejections.put(row);
    const recorded = await db.userOccurrences.get([r.claimId, r.sourceId]);
    if (!recorded || passageKey(recorded.selector[0].exact) !== quote) return { removed: false, claimGone: false };
    await db.userOccurrences.delete([r.claimId, r.sourceId]);
    return { removed: true, claimGone: false };
  });
}

/**
 * A learned link: the page's sentence was linked to a passage of a page read. The rejection is kept for that page,
 * that passage and that sentence (learned claims are renamed as more is read; the sentence is not), and the stored
 * learned claim loses the passage.
 */
async function rejectLink(db: CrossreadDb, r: SourceRejection, quote: string, now: number): Promise<{ removed: boolean; claimGone: boolean }> {
  const sentence = passageKey(r.passage);
  if (!sentence) throw new CannotReject('The sentence on this page that was linked is not known any more; reload the page and try again.');
  const readUrl = r.sourceId.slice(READ_SOURCE_PREFIX.length);
  return db.transaction('rw', db.rejections, db.learnedClaims, async () => {
    await db.rejections.put({ url: pageAddress(readUrl), claimId: linkKey(sentence), quote, created: now });
    const row = await db.learnedClaims.get(r.claimId);
    if (!row) return { removed: false, claimGone: false };
    const occurrences = row.claim.occurrences.filter((o) => !(o.source === r.sourceId && passageKey(o.selector[0].exact) === quote));
    if (occurrences.length === row.claim.occurrences.length) return { removed: false, claimGone: false };
    if (occurrences.length === 0) {
      await db.learnedClaims.delete(r.claimId);
      return { removed: true, claimGone: true };
    }
    const urls = [...new Set(occurrences.map((o) => o.source.slice(READ_SOURCE_PREFIX.length)))];
    await db.learnedClaims.put({ ...row, claim: { ...row.claim, occurrences }, urls });
    return { removed: true, claimGone: false };
  });
}

/**
 * The passages read that the reader rejected as links of a page's sentences: by the page read's address, the
 * rejected (sentence key, passage) pairs. For linking (learned.ts).
 */
export async function rejectedLinks(db: CrossreadDb, readUrls: readonly string[]): Promise<Map<string, Set<string>>> {
  const byAddress = new Map(readUrls.map((u) => [pageAddress(u), u]));
  const rows = byAddress.size === 0 ? [] : await db.rejections.where('url').anyOf([...byAddress.keys()]).toArray();
  const out = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!row.claimId.startsWith(LINK_KEY_PREFIX)) continue;
    const url = byAddress.get(row.url)!;
    out.set(url, (out.get(url) ?? new Set()).add(`${row.claimId} ${row.quote}`));
  }
  return out;
}
