import { describe, expect, it } from 'vitest';
import type { MatchResult } from '../../../shared/match/types.ts';
import { CHUNK_CHARS } from './chunks.ts';
import { cutAround, matchPieces } from './remote.ts';

/** A paragraph-separated text of `n` paragraphs, each naming "Kim" once. */
function paragraphs(n: number): string {
  return Array.from({ length: n }, (_, i) => `Paragraph ${i} mentions Kim and goes on for a while to fill the space.`).join('\n\n');
}

/** Finds every "Kim" in a piece, like a matcher would. */
async function findKim(text: string): Promise<MatchResult> {
  const entities = [...text.matchAll(/Kim/g)].map((m) => ({ entity: 'kim', start: m.index, end: m.index + 3 }));
  return { entities, claims: [] };
}

describe('cutAround', () => {
  it('covers the text exactly, the view piece holding the offset', () => {
    const text = paragraphs(5000);
    const at = Math.floor(text.length / 2);
    const { view, rest } = cutAround(text, at);
    expect(view!.start).toBeLessThanOrEqual(at);
    expect(view!.start + view!.text.length).toBeGreaterThan(at);
    expect(view!.text.length).toBeLessThanOrEqual(CHUNK_CHARS);
    const all = [view!, ...rest].sort((a, b) => a.start - b.start);
    expect(all.map((c) => c.text).join('')).toBe(text);
    for (const c of all) expect(text.slice(c.start, c.start + c.text.length)).toBe(c.text);
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
    const pieces = matchPieces((t) => (asked.push(t), findKim(t)), text, text.indexOf('Paragraph 4200 '));
    const view = await pieces.view;
    const all = await pieces.all;
    expect(all).toEqual(await findKim(text));
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
