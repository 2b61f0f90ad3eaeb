/** Checks claims.json: fields, references to entities and sources, and every quote placed verbatim in its source. */
import type { Claim, Occurrence, Source } from '../../shared/kb/types.ts';
import {
  bilingual,
  checkId,
  checkKnownFields,
  compareIds,
  entriesOf,
  isObject,
  itemName,
  optionalString,
  requireString,
  stringList,
} from './check.ts';
import { clip, fail, type Problem, type Where } from './problems.ts';
import { anchorQuote, selectorsFor } from './selectors.ts';

/** What the claims refer to: known entity ids and sources with their texts; undefined when that file was unreadable. */
export interface ClaimRefs {
  entityIds: Set<string> | undefined;
  sources: Map<string, Source> | undefined;
  /** Directory shown in front of corpus file names in problem lines. */
  corpusDir: string;
}

/** The valid claims, sorted by id; an occurrence that cannot be placed is reported and left out. */
export function checkClaims(raw: unknown, refs: ClaimRefs, file: string, problems: Problem[]): Claim[] {
  const seen = new Set<string>();
  const claims: Claim[] = [];
  entriesOf(raw, { problems, file }).forEach((o, index) => {
    const claim = checkClaim(o, refs, { problems, file, item: itemName('claim', o, index) }, seen);
    if (claim) claims.push(claim);
  });
  return claims.sort((a, b) => compareIds(a.id, b.id));
}

function checkClaim(o: unknown, refs: ClaimRefs, where: Where, seen: Set<string>): Claim | undefined {
  if (!isObject(o)) return void fail(where, 'expected an object');
  checkKnownFields(o, ['id', 'statement', 'speaker', 'about', 'occurrences'], where);
  const id = checkId(o, where, seen);
  const statement = bilingual(o, 'statement', where);
  const speaker = optionalString(o, 'speaker', where);
  const about = stringList(o, 'about', where, false);
  if (o.about === undefined) fail(where, 'missing "about" (use [] if the claim is about no known entity)');
  for (const ref of speaker === undefined ? about : [speaker, ...about]) {
    if (refs.entityIds && !refs.entityIds.has(ref)) fail(where, `refers to unknown entity "${ref}"`);
  }
  const occurrences = checkOccurrences(o.occurrences, refs, where);
  if (!id || !statement || occurrences.length === 0) return undefined;
  const claim: Claim = { id, statement, about, occurrences };
  if (speaker !== undefined) claim.speaker = speaker;
  return claim;
}

function checkOccurrences(raw: unknown, refs: ClaimRefs, where: Where): Occurrence[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    fail(where, '"occurrences" must be a non-empty array');
    return [];
  }
  const placed = raw.flatMap((o, i) => checkOccurrence(o, refs, { ...where, item: `${where.item}, occurrence ${i + 1}` }) ?? []);
  // Canonical order (by source, then position), so reordering the curated list does not change kb.json.
  return placed.sort((a, b) => compareIds(a.source, b.source) || a.selector[1].start - b.selector[1].start);
}

function checkOccurrence(o: unknown, refs: ClaimRefs, where: Where): Occurrence | undefined {
  if (!isObject(o)) return void fail(where, 'expected an object {"source", "quote"}');
  checkKnownFields(o, ['source', 'quote', 'prefix'], where);
  const sourceId = requireString(o, 'source', where);
  const quote = requireString(o, 'quote', where);
  const prefix = optionalString(o, 'prefix', where);
  if (sourceId === undefined || quote === undefined || refs.sources === undefined) return undefined;
  const source = refs.sources.get(sourceId);
  if (!source) return void fail(where, `unknown source "${sourceId}"`);
  const anchor = anchorQuote(source.text, quote, prefix);
  if (anchor.ok) return { source: sourceId, selector: selectorsFor(source.text, anchor.start, anchor.end) };
  const file = `${refs.corpusDir}/${sourceId}.txt`;
  const messages = {
    'not-found': `quote not found verbatim in ${file}: ${clip(quote)}${divergence(source.text, quote)}`,
    ambiguous: `quote occurs ${anchor.count} times in ${file}; add a "prefix" to pick one: ${clip(quote)}`,
    'prefix-not-before': `prefix ${clip(prefix ?? '')} does not come right before the quote in ${file}: ${clip(quote)}`,
    'prefix-ambiguous': `prefix ${clip(prefix ?? '')} still leaves the quote ambiguous in ${file}; lengthen it`,
  };
  fail(where, messages[anchor.reason]);
  return undefined;
}

/** Where a quote stops matching its source: most failures are one curly quote or a dash, and this points at it. */
export function divergence(text: string, quote: string): string {
  let lo = 0;
  let hi = quote.length;
  // includes() of a prefix is monotonic in its length, so a binary search finds the longest one present.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (text.includes(quote.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  if (lo < 8) return '';
  const before = clip(quote.slice(Math.max(0, lo - 20), lo), 30);
  return ` (matches up to ${before}, then differs at ${clip(quote.slice(lo, lo + 20), 30)})`;
}
