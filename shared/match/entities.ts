/**
 * Entity matching: every alias of every entity in one token trie, walked once over the text; the longest
 * match wins. Short forms shared by several entities ("Kim") are resolved afterwards from the whole text,
 * or left out: a wrong name is worse than none.
 */
import type { Entity } from '../kb/types.ts';
import { WordCache, words, type Tokens } from '../text/tokenize.ts';
import { partOfLongerName, titleBefore } from './evidence.ts';
import type { EntityMatch } from './types.ts';

/** What ends at a trie node: a name of one entity, a short form of several, or a phrase that names none. */
type Hit =
  | { kind: 'alias'; entity: string; caseSensitive: boolean }
  | { kind: 'short'; candidates: string[] }
  | { kind: 'block' };

interface TrieNode {
  next: Map<string, TrieNode> | undefined;
  hit: Hit | undefined;
}

/** The compiled entity index. */
export interface EntityIndex {
  root: Map<string, TrieNode>;
  byId: Map<string, Entity>;
  /** The root's node for each word id, looked up once per distinct word (null: no name starts with it). */
  firstNode: WordCache<TrieNode | null>;
}

/** Acronyms such as US, UN, AP must be written in capitals: "us" and "ap" are ordinary English words. */
function isAcronym(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters.length <= 4 && letters === letters.toUpperCase();
}

function insert(root: Map<string, TrieNode>, key: string[], hit: Hit): void {
  let level = root;
  let node: TrieNode | undefined;
  for (const word of key) {
    node = level.get(word);
    if (!node) {
      node = { next: undefined, hit: undefined };
      level.set(word, node);
    }
    level = node.next ??= new Map();
  }
  if (!node) return;
  node.hit = mergeHit(node.hit, hit);
  if (node.next?.size === 0) node.next = undefined;
}

/** An alias outranks a short form, which outranks a block; an acronym stays case-sensitive only if every spelling is one. */
function mergeHit(old: Hit | undefined, hit: Hit): Hit {
  if (!old) return hit;
  if (old.kind === 'alias' && hit.kind === 'alias') {
    return { ...old, caseSensitive: old.caseSensitive && hit.caseSensitive };
  }
  if (old.kind === 'short' && hit.kind === 'short') {
    return { kind: 'short', candidates: [...new Set([...old.candidates, ...hit.candidates])] };
  }
  const rank = { alias: 2, short: 1, block: 0 } as const;
  return rank[hit.kind] > rank[old.kind] ? hit : old;
}

/** Compiles the aliases, short forms and blocked phrases of all entities into one trie. */
export function buildEntityIndex(entities: readonly Entity[]): EntityIndex {
  const root = new Map<string, TrieNode>();
  const byId = new Map<string, Entity>();
  for (const entity of entities) {
    byId.set(entity.id, entity);
    for (const alias of entity.aliases) {
      insert(root, words(alias), { kind: 'alias', entity: entity.id, caseSensitive: isAcronym(alias) });
    }
    for (const short of entity.shortForms ?? []) insert(root, words(short), { kind: 'short', candidates: [entity.id] });
    for (const phrase of entity.block ?? []) insert(root, words(phrase), { kind: 'block' });
  }
  return { root, byId, firstNode: new WordCache((word) => root.get(word) ?? null) };
}

/** Between two words of one name only spaces, hyphens and apostrophes may stand; a dot only after an initial (U.S.). */
const NAME_GAP = /^[\s\-‐‑‒–'’]{0,3}$/;
const INITIAL_GAP = /^\.\s?$/;

function joins(text: string, tokens: Tokens, j: number): boolean {
  const from = tokens.end[j - 1]!;
  // Nearly always one space: decided without cutting the gap out.
  if (tokens.start[j]! - from === 1 && text.charCodeAt(from) === 32) return true;
  const gap = text.slice(from, tokens.start[j]!);
  return NAME_GAP.test(gap) || (INITIAL_GAP.test(gap) && tokens.end[j - 1]! - tokens.start[j - 1]! <= 2);
}

function hasLowerCase(text: string, from: number, to: number): boolean {
  const span = text.slice(from, to);
  return span !== span.toUpperCase();
}

/** A short form found in the text, to be resolved once all full names are known. */
export interface ShortMention {
  start: number;
  end: number;
  candidates: string[];
  /** The title written before it ("vizeaußenminister"), squeezed; only entities it describes are candidates. */
  title?: string;
}

/** One pass over the words: full-name matches, and short forms still to be resolved. */
export function scanEntities(index: EntityIndex, text: string, tokens: Tokens): { full: EntityMatch[]; short: ShortMention[] } {
  const full: EntityMatch[] = [];
  const short: ShortMention[] = [];
  const { word, vocabulary, start, end, count } = tokens;
  const { firstNode } = index;
  firstNode.use(tokens);
  for (let i = 0; i < count; i++) {
    let node = firstNode.get(word[i]!);
    if (node === null) continue;
    let best: Hit | undefined;
    let bestLast = i;
    for (let j = i; ; ) {
      const hit = node.hit;
      if (hit && !(hit.kind === 'alias' && hit.caseSensitive && hasLowerCase(text, start[i]!, end[j]!))) {
        best = hit;
        bestLast = j;
      }
      j++;
      if (j >= count || !node.next || !joins(text, tokens, j)) break;
      const next: TrieNode | undefined = node.next.get(vocabulary[word[j]!]!);
      if (!next) break;
      node = next;
    }
    if (!best) continue;
    const from = start[i]!;
    const to = end[bestLast]!;
    // Plain object literals: spreading a span into each match cost a fifth of the entity pass on a long page.
    if (best.kind === 'alias') full.push({ entity: best.entity, start: from, end: to });
    else if (best.kind === 'short') {
      // A short form names someone we know only with evidence: not when it is part of a longer, unknown name.
      if (!partOfLongerName(text, from, to, (w) => index.root.has(w))) {
        const title = titleBefore(text, from);
        short.push(title ? { start: from, end: to, candidates: best.candidates, title } : { start: from, end: to, candidates: best.candidates });
      }
    }
    i = bestLast;
  }
  return { full, short };
}
