import { describe, expect, it } from 'vitest';
import type { MatchResult } from '../../../shared/match/types.ts';
import { chunkText } from './chunks.ts';
import { cutAround, matchPieces, prefetching, PIECES_PER_MESSAGE, viewPiece } from './remote.ts';

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

describe('prefetching', () => {
  it('answers the piece in view from the early call, sending it once, and spans are the same as without', async () => {
    const text = paragraphs(5000);
    const at = Math.floor(text.length / 3);
    const sent: string[][] = [];
    const counting = async (texts: string[]) => (sent.push(texts), findKim(texts));
    const early = prefetching(counting);
    early.prefetch([viewPiece(text, at)!]);
    const withEarly = matchPieces(early.match, text, at);
    const plain = matchPieces(findKim, text, at);
    expect(await withEarly.view).toEqual(await plain.view);
    expect(await withEarly.all).toEqual(await plain.all);
    // The view piece went once (the early call), then the rest of the page.
    expect(sent.filter((texts) => texts.length === 1 && texts[0] === viewPiece(text, at))).toHaveLength(1);
    expect(sent.flat().join('')).toHaveLength(text.length);
  });

  it('sends what is asked when the early texts differ (the reader scrolled), and keeps no early answer', async () => {
    const sent: string[][] = [];
    const early = prefetching(async (texts) => (sent.push(texts), findKim(texts)));
    early.prefetch(['Kim here']);
    expect(await early.match(['Kim there, Kim'])).toEqual([kims('Kim there, Kim')]);
    expect(await early.match(['Kim here'])).toEqual([kims('Kim here')]);
    expect(sent).toEqual([['Kim here'], ['Kim there, Kim'], ['Kim here']]);
  });

  it('an early call that fails is not left unhandled, and the session sees the failure', async () => {
    const early = prefetching(async () => Promise.reject(new Error('background gone')));
    early.prefetch(['Kim']);
    await expect(early.match(['Kim'])).rejects.toThrow('background gone');
  });
});
