/** Which claims a passage's sentence states: the claim highlights that overlap the one under the pointer. */
import type { Finding } from '../findings.ts';

/** Whether two live ranges share some text. */
function overlaps(a: Range, b: Range): boolean {
  try {
    return a.compareBoundaryPoints(Range.END_TO_START, b) < 0 && a.compareBoundaryPoints(Range.START_TO_END, b) > 0;
  } catch {
    // Ranges in different documents or detached trees share nothing.
    return false;
  }
}

/** The claim findings that overlap `finding`, itself included, in page order (the store keeps page order). */
export function claimsInSentence(finding: Finding, page: readonly Finding[]): Finding[] {
  return page.filter((f) => f.kind === 'claim' && (f === finding || overlaps(f.range, finding.range)));
}
