/** Turns the page's findings into the report the background keeps for the sidebar. */
import type { PageReport } from '../../shared/messages.ts';
import { passageKey } from '../../shared/userdata/types.ts';
import type { Finding } from './findings.ts';

/** Longest passage text sent along; a claim is a sentence, and a hostile page should not fill session storage. */
const MAX_TEXT = 1000;

/** Entities in first-seen order with their counts, claims in page order; `findings` must be in page order. */
export function buildReport(findings: readonly Finding[], url: string, title: string): PageReport {
  const counts = new Map<string, number>();
  const claims: PageReport['claims'] = [];
  for (const f of findings) {
    if (f.kind === 'entity') counts.set(f.id, (counts.get(f.id) ?? 0) + 1);
    else claims.push({ id: f.id, start: f.start, end: f.end, text: f.text.slice(0, MAX_TEXT), score: f.score });
  }
  return {
    url,
    title: title.slice(0, MAX_TEXT),
    entities: [...counts].map(([id, count]) => ({ id, count })),
    claims,
  };
}

/**
 * The lowest matcher score at which a page read is recorded as a source of a claim without the reader confirming
 * it. A recorded source is shown on every later page of the story, so a wrong one costs more than a missed one:
 * this sits above the score at the highlight threshold (about 0.8). The score is calibrated (shared/match/
 * calibration.ts: the share of labelled passages at that score that were right); 0.89 is the score of a raw
 * coverage of 0.55, at which the real articles by other outlets (`npm run eval -- --real --threshold 0.55`) gave
 * 94.7 % precision in German and 95.7 % in English (a third of the claim passages found in each), against 92 %
 * at the highlight threshold with more found.
 */
export const RECORD_MIN_SCORE = 0.89;

/** The claim findings confident enough to record the page as their source (see {@link RECORD_MIN_SCORE}). */
export function recordable<F extends Pick<Finding, 'kind' | 'score'>>(findings: readonly F[]): F[] {
  return findings.filter((f) => f.kind === 'claim' && f.score >= RECORD_MIN_SCORE);
}

/**
 * The first finding of each passage of each claim, in page order. The background records one passage per claim
 * and page, the first that was not rejected, and rejections go by claim and passage wording: a repeat of the same
 * wording can never be picked over its first, so it is not sent (on a page that repeats its text, thousands of
 * them made the recording one long task in the page and seconds of IndexedDB reads in the background).
 */
export function firstPerPassage<F extends Pick<Finding, 'id' | 'text'>>(findings: readonly F[]): F[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.id}\u0000${passageKey(f.text)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
