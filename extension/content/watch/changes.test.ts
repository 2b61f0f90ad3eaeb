import { describe, expect, it } from 'vitest';
import { FLOOD_LIMIT, insideAny, outermost, planRescan } from './changes.ts';

/** A minimal stand-in for DOM nodes: one instance per path, its parent the path without the last step. */
class FakeNode {
  isConnected = true;
  constructor(readonly path: string) {}
  get parentNode(): FakeNode | null {
    const cut = this.path.lastIndexOf('/');
    return cut < 0 ? null : fake(this.path.slice(0, cut));
  }
}
const registry = new Map<string, FakeNode>();
function fake(path: string): FakeNode {
  if (!registry.has(path)) registry.set(path, new FakeNode(path));
  return registry.get(path) as FakeNode;
}
const node = (path: string) => fake(path) as unknown as Node;

describe('outermost', () => {
  it('drops nodes inside other roots and duplicates', () => {
    const a = node('body/a');
    const inner = node('body/a/b');
    const c = node('body/c');
    expect(outermost([inner, a, c, a])).toEqual([a, c]);
  });
});

describe('planRescan', () => {
  it('lifts touched nodes to their blocks and merges them', () => {
    const p = node('body/p');
    const plan = planRescan(new Set([node('body/p/b'), node('body/p/i')]), () => p);
    expect(plan).toEqual({ full: false, roots: [p] });
  });

  it('ignores nodes that left the page before the batch ran', () => {
    const gone = fake('body/x');
    gone.isConnected = false;
    expect(planRescan(new Set([gone as unknown as Node]), () => node('body'))).toEqual({ full: false, roots: [] });
  });

  it('turns a flood into one full rescan', () => {
    const many = new Set(Array.from({ length: FLOOD_LIMIT + 1 }, (_, i) => node(`body/${i}`)));
    expect(planRescan(many, (n) => n)).toEqual({ full: true });
  });
});

describe('insideAny', () => {
  it('says whether a node lies in one of the roots, the roots themselves included', () => {
    const inside = insideAny([node('ia/body/p1'), node('ia/body/p3')]);
    expect(inside(node('ia/body/p1/b/#text'))).toBe(true);
    expect(inside(node('ia/body/p1'))).toBe(true);
    expect(inside(node('ia/body/p2/#text'))).toBe(false);
    // Answers remembered on the way up must not leak into siblings.
    expect(inside(node('ia/body/p3/#text'))).toBe(true);
    expect(inside(node('ia/body/p2/i/#text'))).toBe(false);
  });
});
