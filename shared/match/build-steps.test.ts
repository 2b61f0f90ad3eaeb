/** The incremental build compiles the very matcher buildMatcher does: same findings on every corpus article. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../kb/types.ts';
import { buildMatcher, buildMatcherInSlices, matcherBuildSteps, type MatcherOptions } from './index.ts';

const kb = JSON.parse(readFileSync(new URL('../../dist/kb.json', import.meta.url), 'utf8')) as KnowledgeBase;

/** A slicer whose time is always up, so the build pauses at every step it offers. */
function everyStep() {
  let pauses = 0;
  return { timeUp: () => true, pause: async () => void pauses++, count: () => pauses };
}

describe('buildMatcherInSlices', () => {
  for (const options of [{}, { excludeSource: kb.sources[0]!.id, statements: false }] as MatcherOptions[]) {
    it(`finds what buildMatcher finds on every article (${JSON.stringify(options)})`, async () => {
      const slicer = everyStep();
      const sliced = await buildMatcherInSlices(kb, options, slicer);
      const whole = buildMatcher(kb, options);
      for (const source of kb.sources) expect(sliced.match(source.text), source.id).toEqual(whole.match(source.text));
      // Entity index, lexicon, then one step per visible claim.
      expect(slicer.count()).toBeGreaterThan(2);
    });
  }

  it('pauses only when the slicer says time is up', async () => {
    let pauses = 0;
    await buildMatcherInSlices(kb, {}, { timeUp: () => false, pause: async () => void pauses++ });
    expect(pauses).toBe(0);
  });

  it('stops when a pause rejects', async () => {
    const cancelled = buildMatcherInSlices(kb, {}, { timeUp: () => true, pause: () => Promise.reject(new Error('aborted')) });
    await expect(cancelled).rejects.toThrow('aborted');
  });

  it('offers a step between the indexes and after each claim', () => {
    let steps = 0;
    const build = matcherBuildSteps(kb);
    while (!build.next().done) steps++;
    expect(steps).toBe(2 + kb.claims.length);
  });
});
