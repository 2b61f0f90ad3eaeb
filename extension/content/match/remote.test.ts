import { describe, expect, it } from 'vitest';
import type { MatchResult } from '../../../shared/match/types.ts';
import { chunkText } from './chunks.ts';
import { cutAround, matchPieces, PIECES_PER_MESSAGE } from './remote.ts';

/** A paragraph-separated text of `n` paragraphs, each naming "Kim" once. */
function paragraphs(n: number): string {
  return Array.from({ length: n }, (_, i) => `Paragraph ${i} mentions Kim and goes on for a while to fill the space.`).join('\n\n');
}

/** Finds every "Kim" in a piece, like a matcher would. */
function kims(text: string): MatchResult {
  const entities = [...text.matchAll(/Kim/g)].map((m) => ({ entity: 'kim', start: m.index, end: m.index + 3 }));
  return { entities, claims: [] };
}

async function findKim(texts: string[]): Promise<MatchResult[]> {
  return texts.map(kims);
}

describe('cutAround', () => {
  it('cuts where the page cut before, the view piece holding the offset', () => {
    const text = paragraphs(5000);
    const at = Math.floor(text.length / 2);
    const { view, rest } = cutAround(text, at);
    expect(view!.start).toBeLessThanOrEqual(at);
    expect(view!.start + view!.text.length).toBeGreaterThan(at);
    const all = [view!, ...rest.flat()].sort((a, b) => a.start - b.start);
    expect(all).toEqual([...chunkText(text)]);
    for (const group of rest) expect(group.length).toBeLessThanOrEqual(PIECES_PER_MESSAGE);
  });

  it('has no view piece without an offset, and nothing for no text', () => {
    expect(cutAround(paragraphs(10), null).view).toBeNull();
    expect(cutAround('', 0)).toEqual({ view: null, rest: [] });
  });
});

describe('matchPieces', () => {
  it('finds what one match over the whole text finds, in text order, the view first', async () => {
    const text = paragraphs(6000);
    const asked: string[] = [];
    const pieces = matchPieces((t) => (asked.push(...t), findKim(t)), text, text.indexOf('Paragraph 4200 '));
    const view = await pieces.view;
    const all = await pieces.all;
    expect(all).toEqual(kims(text));
    expect(asked[0]).toContain('Paragraph 4200 mentions');
    for (const m of view.entities) expect(text.slice(m.start, m.end)).toBe('Kim');
    expect(asked.length).toBeGreaterThan(2);
  });

  it('fails as a whole when a piece fails', async () => {
    const pieces = matchPieces(async () => {
      throw new Error('page.match: refused');
    }, paragraphs(100), 0);
    await expect(pieces.all).rejects.toThrow('refused');
  });
});
