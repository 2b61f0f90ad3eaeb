import { describe, expect, it } from 'vitest';
import type { Matcher } from '../../shared/match/types.ts';
import type { MatcherData } from '../../shared/messages.ts';
import { MatcherCache } from './matching.ts';

function data(version: string): MatcherData {
  return { version, entities: [], claims: [], concepts: [], sources: [] };
}

/** A matcher that answers which knowledge base it was built from, as its one entity. */
function fakeBuild(built: string[]) {
  return (d: MatcherData): Matcher => {
    built.push(d.version);
    return { match: (text) => ({ entities: [{ entity: d.version, start: 0, end: text.length }], claims: [] }), matchEntities: () => [] };
  };
}

describe('MatcherCache', () => {
  it('reads and builds once for any number of pages', async () => {
    let reads = 0;
    const built: string[] = [];
    const cache = new MatcherCache(async () => (reads++, data('v1')), fakeBuild(built));
    await Promise.all([cache.match('a'), cache.match('bb'), cache.data()]);
    expect((await cache.match('ccc')).entities[0]).toEqual({ entity: 'v1', start: 0, end: 3 });
    expect(reads).toBe(1);
    expect(built).toEqual(['v1']);
  });

  it('builds from the new knowledge base after a change', async () => {
    let version = 'v1';
    const built: string[] = [];
    const cache = new MatcherCache(async () => data(version), fakeBuild(built));
    expect((await cache.match('x')).entities[0]!.entity).toBe('v1');
    version = 'v2';
    cache.invalidate();
    expect((await cache.match('x')).entities[0]!.entity).toBe('v2');
    expect((await cache.data()).version).toBe('v2');
    expect(built).toEqual(['v1', 'v2']);
  });

  it('never hands out a read that a change overtook', async () => {
    let version = 'old';
    let release: () => void = () => undefined;
    const cache = new MatcherCache(async () => {
      const seen = version;
      if (seen === 'old') await new Promise<void>((resolve) => (release = resolve));
      return data(seen);
    }, fakeBuild([]));
    const answer = cache.match('x');
    await Promise.resolve();
    version = 'new';
    cache.invalidate();
    release();
    expect((await answer).entities[0]!.entity).toBe('new');
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const cache = new MatcherCache(async () => {
      if (fail) throw new Error('the knowledge base is not loaded');
      return data('v1');
    }, fakeBuild([]));
    await expect(cache.match('x')).rejects.toThrow('not loaded');
    fail = false;
    expect((await cache.match('x')).entities[0]!.entity).toBe('v1');
  });
});
