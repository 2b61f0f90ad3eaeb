/**
 * What a passage says, as a set of features that both languages share: the entities it names (`e:`, by what
 * they stand for: "Seoul" counts as South Korea), the
 * lexicon concepts its words express (`c:`), and, for words the lexicon does not know, a light stem (`w:`)
 * so that same-language wording still counts. Function words carry nothing and are skipped.
 */
import { WordCache, type Tokens } from '../text/tokenize.ts';
import type { Lexicon } from './lexicon.ts';
import type { EntityMatch } from './types.ts';
import type { Entity } from '../kb/types.ts';
import { STOPWORDS } from './stopwords.ts';

/** Interns feature names as small integers, so sets of features are arrays and marks. */
export class FeatureSpace {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  /** At match time: each word's own features (concepts and stem), once per distinct word. */
  readonly wordFeatures = new Map<string, readonly number[]>();

  private readonly standsFor = new Map<string, string>();
  /** For each entity feature of a person or a country: which of the two ("who" and "where" in a claim). */
  readonly roles = new Map<number, 'person' | 'country'>();
  /**
   * For those features, the marker a sentence carries when it names the entity only as where something happened
   * ("in Vietnam"): the scene, not a party to the claim.
   */
  readonly sceneMarkers = new Map<number, number>();

  /**
   * @param entities the knowledge base's entities: what each stands for in claims (a capital → its country), and
   *   which are people and countries. Those get a feature each even if no claim names them, so that a sentence
   *   about Japan is seen to be about a country that a claim about South Korea does not name.
   */
  constructor(entities: readonly Pick<Entity, 'id' | 'type' | 'standsFor'>[] = []) {
    const types = new Map(entities.map((e) => [e.id, e.type]));
    for (const e of entities) if (e.standsFor && types.has(e.standsFor)) this.standsFor.set(e.id, e.standsFor);
    for (const e of entities) {
      const target = this.standsFor.get(e.id) ?? e.id;
      const type = types.get(target);
      if (type !== 'person' && type !== 'country') continue;
      const name = this.entityName(e.id);
      const id = this.id(name, true);
      this.roles.set(id, type);
      this.sceneMarkers.set(id, this.id('l:' + name, true));
    }
  }

  /** The feature name of a mention of an entity. */
  entityName(entity: string): string {
    return 'e:' + (this.standsFor.get(entity) ?? entity);
  }

  /** The id of a feature, creating it when `create` is set; -1 for an unknown one otherwise. */
  id(name: string, create: boolean): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      if (!create) return -1;
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }
}

/** How much a feature of each kind weighs before its rarity is counted. */
export const KIND_WEIGHT: Record<string, number> = { e: 1, c: 1, w: 0.5 };

/** Prepositions after which a place is where something happened. */
const SCENE = new Set(['in', 'im']);

/**
 * Words that open an aside: a condition, a time or circumstance, a cause or a concession ("if the US keeps arming
 * Kyiv", "Following a pact signed with Kim, …", "wenn Seoul Waffen liefert", "nachdem …"). The aside runs to the
 * next comma or the end of the sentence. A person or country it names is not a party to the sentence's main
 * statement: like the scene ("in Vietnam"), it does not take the place of one the claim names. (Its words count in
 * full: weighing them less cost recall and precision on the real articles.)
 */
const ASIDE_OPENERS = new Set([
  'if', 'unless', 'whether', 'while', 'whereas', 'although', 'though', 'after', 'before', 'following', 'amid', 'despite',
  'because', 'since', 'until', 'once', 'wenn', 'falls', 'sofern', 'sollte', 'sollten', 'ob', 'waehrend', 'obwohl',
  'obgleich', 'nachdem', 'bevor', 'weil', 'seit', 'seitdem', 'trotz', 'inmitten', 'angesichts', 'nach',
]);

/**
 * German separable particles: at the end of a clause they belong to a verb earlier in it ("Seoul bestellte den
 * Botschafter ein", "Putin schließt das nicht aus", "kündigte … an"). Joined to each word of the clause before
 * them, they give the lexicon the whole verb ("einbestellte", "ausschließt", "ankündigte"), so the lexicon need not
 * list the bare verb ("schließt"), which alone means something else ("schließt einen Pakt").
 */
const PARTICLES = new Set(['ab', 'an', 'auf', 'aus', 'bei', 'ein', 'fest', 'fort', 'her', 'hin', 'los', 'mit', 'nach', 'vor', 'weg', 'zu', 'zurueck', 'zusammen']);

/** Punctuation that ends a clause, for separable particles. */
const CLAUSE_END = /[,.;:!?)\]“”"»«]/;

/** After a comma, words that open a relative clause: an aside too ("…, der am Mittwoch …", "…, which …"). */
const RELATIVE = new Set(['who', 'which', 'whose', 'whom', 'der', 'die', 'das', 'dem', 'den', 'deren', 'dessen', 'welche', 'welcher']);


const WORD_CACHE_LIMIT = 100_000;

const SUFFIX = /(?:en|er|es|em|e|n|s)$/;

/** A light stem for words the lexicon does not know: inflection endings off, then the first six letters. */
export function lightStem(word: string): string {
  const bare = word.length > 5 ? word.replace(SUFFIX, '') : word;
  return bare.slice(0, 6);
}

/**
 * The features of words [first, last) of a tokenised text, given the entity matches that fall in it
 * (sorted by start). `create` adds unseen features to the space (building the index); at match time
 * unseen ones are dropped, since no claim can share them.
 */
export function passageFeatures(
  tokens: Tokens,
  first: number,
  last: number,
  entities: readonly EntityMatch[],
  lexicon: Lexicon,
  space: FeatureSpace,
  create: boolean,
  text?: string,
): Set<number> {
  const out = new Set<number>();
  const add = (name: string) => {
    const id = space.id(name, create);
    if (id >= 0) out.add(id);
  };
  // Whether word k is inside an aside, and where its clause began; needs the text, to see the punctuation.
  let aside = false;
  let clauseStart = first;
  let e = 0;
  // At match time: entities named only right after "in"/"im" (the scene), and those named otherwise.
  let scene: Set<string> | undefined;
  let party: Set<string> | undefined;
  for (let k = first; k < last; k++) {
    const start = tokens.start[k]!;
    if (text !== undefined) {
      let comma = false;
      if (k > first) for (let i = tokens.end[k - 1]!; i < start && !comma; i++) comma = text.charCodeAt(i) === 44;
      if (comma) (aside = false), (clauseStart = k);
      const w = tokens.norm[k]!;
      if (ASIDE_OPENERS.has(w) || (comma && RELATIVE.has(w))) aside = true;
    }
    while (e < entities.length && entities[e]!.end <= start) e++;
    const entity = entities[e];
    if (entity && entity.start <= start) {
      const name = space.entityName(entity.entity);
      add(name);
      if (!create && entity.start === start) {
        if ((k > first && SCENE.has(tokens.norm[k - 1]!)) || aside) (scene ??= new Set()).add(name);
        else (party ??= new Set()).add(name);
      }
      continue;
    }
    const word = tokens.norm[k]!;
    if (text !== undefined && PARTICLES.has(word) && k > clauseStart) {
      const after = k + 1 < last ? text.slice(tokens.end[k]!, tokens.start[k + 1]!) : '.';
      if (CLAUSE_END.test(after)) {
        for (let j = clauseStart; j < k; j++) {
          for (const c of lexicon.sense(word + tokens.norm[j]!).concepts) add('c:' + lexicon.ids[c]);
        }
      }
    }
    if (STOPWORDS.has(word)) continue;
    const sense = lexicon.sense(word);
    for (const p of sense.phrases) {
      const c = lexicon.completes(p, tokens.word, tokens.vocabulary, k + 1, last);
      if (c >= 0) add('c:' + lexicon.ids[c]);
    }
    if (create) {
      for (const c of sense.concepts) add('c:' + lexicon.ids[c]);
      if (sense.concepts.length === 0 && word.length >= 3) add('w:' + lightStem(word));
      continue;
    }
    let own = space.wordFeatures.get(word);
    if (own === undefined) {
      const ids = sense.concepts.map((c) => space.id('c:' + lexicon.ids[c], false));
      if (sense.concepts.length === 0 && word.length >= 3) ids.push(space.id('w:' + lightStem(word), false));
      own = ids.filter((id) => id >= 0);
      if (space.wordFeatures.size >= WORD_CACHE_LIMIT) space.wordFeatures.clear();
      space.wordFeatures.set(word, own);
    }
    for (const id of own) out.add(id);
  }
  if (scene) for (const name of scene) if (!party?.has(name)) add('l:' + name);
  return out;
}

/**
 * A set of feature ids for one sentence at a time, without a Set per sentence: the ids in the order they were first
 * added (the order {@link passageFeatures} gives), and a stamp per feature for membership. Reset between sentences.
 */
export class FeatureSet {
  /** The ids, in first-added order; only the first {@link size} count. */
  ids = new Int32Array(64);
  size = 0;
  private readonly stamps: Int32Array;
  private stamp = 1;

  /** @param space how many features there can be (ids are below this). */
  constructor(space: number) {
    this.stamps = new Int32Array(space);
  }

  /** Empties the set. */
  clear(): void {
    this.size = 0;
    if (++this.stamp === 0x7fffffff) (this.stamp = 1), this.stamps.fill(0);
  }

  add(id: number): void {
    if (this.stamps[id] === this.stamp) return;
    this.stamps[id] = this.stamp;
    if (this.size === this.ids.length) {
      const grown = new Int32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.size++] = id;
  }

  has(id: number): boolean {
    return id >= 0 && this.stamps[id] === this.stamp;
  }
}

/** Bits of what the featurizer needs to know of a word besides its features. */
const ASIDE_OPENER = 1;
const RELATIVE_WORD = 2;
const PARTICLE = 4;
const STOPWORD = 8;
const SCENE_WORD = 16;

/** At match time, what {@link passageFeatures} looks up for one distinct word, looked up once. */
interface WordInfo {
  flags: number;
  /** Its own features: the concepts it expresses, or its stem. */
  own: readonly number[];
  /** The phrases it may start (see {@link Lexicon.sense}). */
  phrases: readonly number[];
}

/**
 * {@link passageFeatures} at match time, for a whole page of sentences: the same features in the same order, into
 * a {@link FeatureSet}, with each distinct word's lookups (function word, lexicon sense, stem, features) done once
 * and the entity and concept features by index rather than by name. Build it once the claim index is built:
 * features unknown to the space then are dropped, as passageFeatures drops them.
 */
export class SentenceFeaturizer {
  /** Each distinct word's lookups, kept by word id. */
  private readonly words = new WordCache((word) => this.info(word));
  private readonly conceptIds: Int32Array;
  private readonly entityIds = new Map<string, number>();

  constructor(
    private readonly lexicon: Lexicon,
    private readonly space: FeatureSpace,
  ) {
    this.conceptIds = Int32Array.from(lexicon.ids, (id) => space.id('c:' + id, false));
  }

  private entityId(entity: string): number {
    let id = this.entityIds.get(entity);
    if (id === undefined) this.entityIds.set(entity, (id = this.space.id(this.space.entityName(entity), false)));
    return id;
  }

  private info(word: string): WordInfo {
    let info: WordInfo;
    const flags =
      (ASIDE_OPENERS.has(word) ? ASIDE_OPENER : 0) |
      (RELATIVE.has(word) ? RELATIVE_WORD : 0) |
      (PARTICLES.has(word) ? PARTICLE : 0) |
      (STOPWORDS.has(word) ? STOPWORD : 0) |
      (SCENE.has(word) ? SCENE_WORD : 0);
    if (flags & STOPWORD) info = { flags, own: [], phrases: [] };
    else {
      const sense = this.lexicon.sense(word);
      const own: number[] = [];
      for (const c of sense.concepts) if (this.conceptIds[c]! >= 0) own.push(this.conceptIds[c]!);
      if (sense.concepts.length === 0 && word.length >= 3) {
        const stem = this.space.id('w:' + lightStem(word), false);
        if (stem >= 0) own.push(stem);
      }
      info = { flags, own, phrases: sense.phrases };
    }
    return info;
  }

  /**
   * The features of words [first, last) of `text` into `out` (cleared first), given the entity matches
   * `entities[from..to)`, which are those that start in the passage, sorted by start.
   */
  features(
    text: string,
    tokens: Tokens,
    first: number,
    last: number,
    entities: readonly EntityMatch[],
    from: number,
    to: number,
    out: FeatureSet,
  ): void {
    out.clear();
    const { start: starts, end: ends, word: ids, vocabulary } = tokens;
    const { conceptIds, lexicon, words } = this;
    words.use(tokens);
    let aside = false;
    let clauseStart = first;
    let e = from;
    // Entity features named only right after "in"/"im" (the scene) or in an aside, and those named otherwise.
    let scene: number[] | undefined;
    let party: number[] | undefined;
    for (let k = first; k < last; k++) {
      const start = starts[k]!;
      let comma = false;
      if (k > first) for (let i = ends[k - 1]!; i < start && !comma; i++) comma = text.charCodeAt(i) === 44;
      if (comma) (aside = false), (clauseStart = k);
      const info = words.get(ids[k]!);
      if (info.flags & ASIDE_OPENER || (comma && info.flags & RELATIVE_WORD)) aside = true;
      while (e < to && entities[e]!.end <= start) e++;
      if (e < to && entities[e]!.start <= start) {
        const entity = entities[e]!;
        const id = this.entityId(entity.entity);
        if (id >= 0) {
          out.add(id);
          if (entity.start === start) {
            if ((k > first && words.get(ids[k - 1]!).flags & SCENE_WORD) || aside) {
              if (!(scene ??= []).includes(id)) scene.push(id);
            } else (party ??= []).push(id);
          }
        }
        continue;
      }
      if (info.flags & PARTICLE && k > clauseStart) {
        const after = k + 1 < last ? text.slice(ends[k]!, starts[k + 1]!) : '.';
        if (CLAUSE_END.test(after)) {
          const word = vocabulary[ids[k]!]!;
          for (let j = clauseStart; j < k; j++) {
            for (const c of lexicon.sense(word + vocabulary[ids[j]!]!).concepts) if (conceptIds[c]! >= 0) out.add(conceptIds[c]!);
          }
        }
      }
      if (info.flags & STOPWORD) continue;
      for (const p of info.phrases) {
        const c = lexicon.completes(p, ids, vocabulary, k + 1, last);
        if (c >= 0 && conceptIds[c]! >= 0) out.add(conceptIds[c]!);
      }
      for (const id of info.own) out.add(id);
    }
    if (scene) {
      for (const id of scene) {
        const marker = this.space.sceneMarkers.get(id);
        if (marker !== undefined && !party?.includes(id)) out.add(marker);
      }
    }
  }
}
