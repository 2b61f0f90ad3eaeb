/**
 * A synthetic knowledge base of any size, deterministic (seeded), shaped like the real one: multi-word names
 * with inflected aliases, claims with statements and quotes made of topic words and entity names.
 */
import type { Claim, Concept, Entity, KnowledgeBase } from '../../shared/kb/types.ts';

/** A small deterministic PRNG (mulberry32), so every run benches the same KB. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = 'ka lo mi ne ru sa to vi ze ba do fe gu hi jo ku la me no pi ra se ti vo wu xa yo zu'.split(' ');

function name(rand: () => number, parts: number): string {
  const word = () => {
    let w = '';
    const n = 2 + Math.floor(rand() * 3);
    for (let k = 0; k < n; k++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  return Array.from({ length: parts }, word).join(' ');
}

/** A knowledge base with `entityCount` entities and `claimCount` claims over the given concepts. */
export function syntheticKb(entityCount: number, claimCount: number, concepts: Concept[], seed = 7): KnowledgeBase {
  const rand = random(seed);
  const entities: Entity[] = [];
  for (let k = 0; k < entityCount; k++) {
    const full = `${name(rand, 1 + Math.floor(rand() * 2))} ${k}`;
    const last = full.split(' ').at(-2)!;
    entities.push({
      id: `e${k}`,
      type: 'person',
      name: { de: full, en: full },
      description: { de: '', en: '' },
      aliases: [full, `${full}s`, `${last} ${k}x`],
    });
  }
  const terms = concepts.flatMap((c) => [...c.de, ...c.en]).filter((t) => /^[\p{L} ]+$/u.test(t));
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(rand() * 10) }, () => terms[Math.floor(rand() * terms.length)]!);
    words.splice(2, 0, entities[Math.floor(rand() * entities.length)]!.aliases[0]!);
    return words.join(' ') + '.';
  };
  const claims: Claim[] = [];
  for (let k = 0; k < claimCount; k++) {
    const quotes = [sentence(), sentence()];
    claims.push({
      id: `c${k}`,
      statement: { de: sentence(), en: sentence() },
      about: [],
      occurrences: quotes.map((exact, q) => ({
        source: `s${q}`,
        selector: [
          { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 0, end: exact.length },
        ],
      })),
    });
  }
  return { format: 1, version: `synthetic-${entityCount}`, sources: [], entities, claims, concepts };
}
