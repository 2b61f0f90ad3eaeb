/**
 * Knowledge-base scale, in Node: the seed KB against the seed plus synthetic entities up to 10,000 and 100,000
 * (claims grown in the seed's proportion). For each: index build time (what the content script does per page),
 * the size of the KB it is sent, match throughput over the same text, and the index's heap.
 */
import { createHash } from 'node:crypto';
import type { KnowledgeBase } from '../../shared/kb/types.ts';
import { buildMatcher, type MatchResult } from '../../shared/match/index.ts';
import { median } from './stats.ts';
import { syntheticKb } from './synthetic.ts';

/** One KB size's figures. */
export interface KbScaleRow {
  entities: number;
  claims: number;
  /** JSON the background sends the content script (entities, claims, concepts), MB. */
  payloadMb: number;
  buildMs: number;
  /** Entities and claims, MB of text per second. */
  fullMBps: number;
  /** Entities only. */
  entityMBps: number;
  heapMb: number;
  /** What the full match found (see {@link fingerprint}), to check that a faster matcher finds the same. */
  matches: string;
}

function heapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function timeMs(reps: number, fn: () => unknown): number {
  const times: number[] = [];
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** The seed KB grown to `entities` entities with synthetic ones, claims in the seed's proportion. */
export function grownKb(seed: KnowledgeBase, entities: number): KnowledgeBase {
  if (entities <= seed.entities.length) return seed;
  const claims = Math.round((entities * seed.claims.length) / seed.entities.length);
  const extra = syntheticKb(entities - seed.entities.length, claims - seed.claims.length, seed.concepts);
  return { ...seed, entities: [...seed.entities, ...extra.entities], claims: [...seed.claims, ...extra.claims] };
}

/**
 * Measures one KB over `text`: the index build `reps` times (once for a big KB, whose build takes seconds), each
 * match `matchReps` times, the median kept (the first match after a big build runs cold: JIT, caches, the heap).
 */
export function measureKb(kb: KnowledgeBase, text: string, reps: number, fullText = text, matchReps = reps): KbScaleRow {
  const payload = JSON.stringify({ entities: kb.entities, claims: kb.claims, concepts: kb.concepts });
  const before = heapMb();
  const t0 = performance.now();
  let matcher = buildMatcher(kb);
  const firstBuild = performance.now() - t0;
  const heap = heapMb() - before;
  // A big KB's build takes seconds: its one build is the figure; the seed's is the median of warm builds.
  const buildMs = reps > 1 ? timeMs(reps, () => (matcher = buildMatcher(kb))) : firstBuild;
  const mb = text.length / 1e6;
  matcher.match(fullText.slice(0, 5_000)); // warm the JIT on this matcher's code paths
  return {
    entities: kb.entities.length,
    claims: kb.claims.length,
    payloadMb: Buffer.byteLength(payload) / 1e6,
    buildMs,
    fullMBps: fullText.length / 1e6 / (timeMs(matchReps, () => matcher.match(fullText)) / 1000),
    entityMBps: mb / (timeMs(matchReps, () => matcher.matchEntities(text)) / 1000),
    heapMb: heap,
    matches: fingerprint(matcher.match(fullText)),
  };
}

/** How many entities and claims a match found, and a hash of every match: equal hashes, equal findings. */
function fingerprint(result: MatchResult): string {
  const hash = createHash('sha256').update(JSON.stringify(result)).digest('hex').slice(0, 16);
  return `${result.entities.length} entities, ${result.claims.length} claims, sha256 ${hash}`;
}
