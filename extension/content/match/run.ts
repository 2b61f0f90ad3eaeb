/** Runs the shared matcher over extracted text a piece at a time, so a 1 MB page never blocks the tab. */
import type { Matcher, MatchResult } from '../../../shared/match/types.ts';
import { Slicer } from '../schedule.ts';
import { appendShifted, chunkText } from './chunks.ts';

/** All matches in `text`, in text order; yields between pieces once a slice's budget is spent. */
export async function matchText(matcher: Matcher, text: string, signal?: AbortSignal): Promise<MatchResult> {
  const result: MatchResult = { entities: [], claims: [] };
  const slicer = new Slicer();
  for (const chunk of chunkText(text)) {
    if (slicer.due()) await slicer.pause(signal);
    appendShifted(result, matcher.match(chunk.text), chunk.start);
  }
  return result;
}
