/**
 * What the reader has read, as knowledge the matcher already understands. Every statement of every article read
 * becomes a claim (its renderings: the sentence itself; its speaker and entities: from the extraction; its
 * occurrence: the passage in the article read), and every open-world name an entity, so that the one matcher
 * (shared/match) scores a new page's sentences against them with the same features, weights and rules as the
 * curated claims. Wire copy republished by several sites is one claim with several occurrences.
 *
 * Linking a page asks for {@link Reading.knowledgeFor}: the curated knowledge plus the learned claims of the
 * same story (articles that share names with the page, recent enough), minus the page's own passages, plus the
 * page's own spellings of learned names ("Prigoschin" for "Prigozhin").
 */
import type { Claim, Concept, Entity, EntityType, KnowledgeBase, Lang, Source } from '../kb/types.ts';
import { buildMatcher, DEFAULT_THRESHOLD, type Matcher, type MatcherOptions } from '../match/index.ts';
import type { ClaimMatch, EntityMatch, MatchResult } from '../match/types.ts';
import { extractStatements, type Statement } from './extract.ts';
import { detectLang } from './lang.ts';
import type { NameMention } from './names.ts';
import { NEWS_CONCEPTS } from './news-lexicon.ts';
import { cognateConcepts } from './cognates.ts';
import { ContentWords } from './content.ts';
import { figureConcepts, figuresAgree, figuresOf, shareTellingFigure, type Figure } from './figures.ts';
import { normalizeWord } from '../text/normalize.ts';

/** An article the reader has read (or a page to link). */
export interface Page {
  /** Its address: the URL in the browser, the file path on the command line. */
  address: string;
  title: string;
  /** The main text, as extracted; occurrence offsets point into it. */
  text: string;
  lang?: Lang;
  /** Publication date from the page, `YYYY-MM-DD` (or `YYYY-MM`), if it gives one. */
  date?: string;
}

/** The curated knowledge the reading builds on. */
export type BaseKnowledge = Pick<KnowledgeBase, 'version' | 'entities' | 'claims' | 'concepts' | 'sources'>;

/** Options for linking. */
export interface ReadingOptions {
  /** Entities (curated or learned) a read article must share with the page to count as the same story. */
  storyEntities?: number;
  /** Read articles dated further than this many days from the page are another story. */
  maxDays?: number;
  /** Word overlap (Jaccard) from which two statements are one (republished wire copy). */
  duplicate?: number;
}

const DEFAULTS: Required<ReadingOptions> = { storyEntities: 2, maxDays: 14, duplicate: 0.7 };
/** Matchers a reading keeps (see Reading.matcher): a few pages of a story, each with its two. */
const MATCHERS_KEPT = 8;

/** Prefixes of learned ids, so they never clash with curated ones. */
export const LEARNED_CLAIM_PREFIX = 'learned:';
export const LEARNED_ENTITY_PREFIX = 'name:';

interface LearnedEntity {
  id: string;
  /** Loose key of the full name (see looseKey). */
  key: string;
  type: EntityType;
  forms: Set<string>;
}

interface ReadArticle {
  source: Source;
  /** Curated and learned entities it names. */
  entities: Set<string>;
}

interface LearnedClaim {
  claim: Claim;
  lang: Lang;
  words: Set<string>;
}

/**
 * What reading a page finds before anything is learned from it: its language, statements, open-world names and
 * the curated entities it names. It depends on the page and the curated knowledge only, so a caller that reads
 * the same page again (the extension, linking one story's pages) keeps it instead of extracting it again.
 */
export interface PreparedPage {
  lang: Lang;
  statements: Statement[];
  names: NameMention[];
  curated: EntityMatch[];
}

/** The matcher of the curated entities a {@link Reading} names pages with; built once per knowledge base. */
export function curatedEntityMatcher(base: BaseKnowledge): Matcher {
  return buildMatcher({ entities: base.entities, claims: [], concepts: [] });
}

/** What was read, in order, and what it taught. */
export class Reading {
  private readonly options: Required<ReadingOptions>;
  private readonly kbEntities: Matcher;
  private readonly articles = new Map<string, ReadArticle>();
  private readonly entities: LearnedEntity[] = [];
  private readonly byKey = new Map<string, LearnedEntity>();
  /** Single-word keys of people's last names, for "Lukaschenko" after "Alexander Lukaschenko". */
  private readonly bySurname = new Map<string, LearnedEntity>();
  private readonly claims: LearnedClaim[] = [];
  /** For each word, the learned claims holding it (finding duplicates without comparing with all). */
  private readonly postings = new Map<string, number[]>();
  /** Matchers built from this reading, by what they were built from (see {@link matcher}); emptied by read(). */
  private readonly matchers = new Map<string, Matcher>();

  constructor(
    /** The curated knowledge, as given. */
    readonly base: BaseKnowledge,
    options: ReadingOptions = {},
    /** The matcher of `base`'s entities, when the caller keeps one (see {@link curatedEntityMatcher}). */
    entityMatcher?: Matcher,
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.kbEntities = entityMatcher ?? curatedEntityMatcher(base);
  }

  /** What {@link read} finds in a page before learning from it; the same for the same page and knowledge base. */
  prepare(page: Page): PreparedPage {
    const lang = page.lang ?? detectLang(page.text);
    const { statements, names } = extractStatements(page.text, lang);
    return { lang, statements, names, curated: this.kbEntities.matchEntities(page.text) };
  }

  /**
   * Learns an article: its statements become claims (or further occurrences of known ones), its names entities.
   * `prepared` is what {@link prepare} answered for this very page, if the caller kept it.
   */
  read(page: Page, prepared: PreparedPage = this.prepare(page)): void {
    const { lang, statements, names } = prepared;
    this.matchers.clear();
    if (this.articles.has(page.address)) this.forget(page.address);
    const named = this.nameEntities(page.text, names, true, prepared.curated);
    const source: Source = { id: page.address, title: page.title, date: page.date ?? '', lang, text: page.text };
    this.articles.set(page.address, { source, entities: new Set(named.map((m) => m.entity)) });
    for (const statement of statements) this.learn(page, lang, statement, named);
  }

  /**
   * The matcher built from `knowledge`, kept while nothing more is read: a reading that lives on (the extension
   * keeps one per set of candidate pages) links the next page of the story, or the same page again, without
   * building it again. `key` must name everything the knowledge was made of besides this reading; the last
   * {@link MATCHERS_KEPT} are kept.
   */
  matcher(key: string, knowledge: () => Pick<KnowledgeBase, 'entities' | 'claims' | 'concepts'>, options: MatcherOptions): Matcher {
    const full = `${key}\u0000${JSON.stringify(options)}`;
    let m = this.matchers.get(full);
    if (m) {
      this.matchers.delete(full);
    } else {
      m = buildMatcher(knowledge(), options);
      if (this.matchers.size >= MATCHERS_KEPT) this.matchers.delete(this.matchers.keys().next().value!);
    }
    this.matchers.set(full, m);
    return m;
  }

  /** The addresses read, in order. */
  get addresses(): string[] {
    return [...this.articles.keys()];
  }

  /** How many statements were learned (duplicates counted once). */
  get size(): number {
    return this.claims.length;
  }

  /** The learned claims, each with every passage that states it. */
  learnedClaims(): Claim[] {
    return this.claims.map((c) => c.claim);
  }

  /**
   * The knowledge to link `page` with: the curated knowledge base, the learned names (with the page's own
   * spellings of them), and the claims learned from other articles of the same story. The page's own passages
   * never link it to itself.
   */
  knowledgeFor(page: Page): KnowledgeBase {
    const lang = page.lang ?? detectLang(page.text);
    const named = this.nameEntities(page.text, extractStatements(page.text, lang).names, false);
    const pageEntities = new Set(named.map((m) => m.entity));
    const story = [...this.articles.values()].filter((a) => a.source.id !== page.address && this.sameStory(page, pageEntities, a));
    const storySources = new Set(story.map((a) => a.source.id));
    const kept = this.claims.flatMap((learned) => {
      const occurrences = learned.claim.occurrences.filter((o) => storySources.has(o.source));
      return occurrences.length > 0 ? [{ learned, claim: { ...learned.claim, occurrences } }] : [];
    });
    const claims = kept.map((k) => k.claim);
    const cognates = cognateConcepts(
      { lang, words: wordSet(page.text) },
      kept.map((k) => k.learned),
    );
    const figures = figureConcepts(
      page.text,
      kept.map((k) => k.learned.claim.statement.en),
    );
    const extraForms = new Map<string, string[]>();
    for (const m of named) if (m.form) extraForms.set(m.entity, [...(extraForms.get(m.entity) ?? []), m.form]);
    return {
      format: 1,
      version: `${this.base.version}+read:${this.articles.size}`,
      sources: [...this.base.sources, ...story.map((a) => a.source)],
      entities: [...this.base.entities, ...this.entities.map((e) => toEntity(e, extraForms.get(e.id)))],
      claims: [...this.base.claims, ...claims],
      concepts: [...this.concepts(), ...cognates, ...figures],
    };
  }

  /** The curated concepts and the general news vocabulary, so learned statements meet across German and English. */
  concepts(): Concept[] {
    return [...this.base.concepts, ...NEWS_CONCEPTS];
  }

  private sameStory(page: Page, pageEntities: ReadonlySet<string>, article: ReadArticle): boolean {
    if (page.date && article.source.date && daysBetween(page.date, article.source.date) > this.options.maxDays) return false;
    let shared = 0;
    for (const e of article.entities) if (pageEntities.has(e) && ++shared >= this.options.storyEntities) return true;
    return false;
  }

  private forget(address: string): void {
    this.articles.delete(address);
    for (const c of this.claims) c.claim.occurrences = c.claim.occurrences.filter((o) => o.source !== address);
  }

  /**
   * The entities a text names, curated and learned, with their spans. When `learn` is set, new names become
   * learned entities; otherwise a name is linked to a learned one by its spelling-insensitive key, and the
   * text's own spelling is returned as `form`, to be added to that entity for this page.
   */
  private nameEntities(
    text: string,
    names: readonly NameMention[],
    learn: boolean,
    curated: readonly EntityMatch[] = this.kbEntities.matchEntities(text),
  ): (EntityMatch & { form?: string })[] {
    const out: (EntityMatch & { form?: string })[] = [...curated];
    for (const m of names) {
      if (curated.some((c) => c.start < m.end && m.start < c.end)) continue;
      let entity = this.lookup(m);
      if (!entity && !learn) continue;
      if (!entity) entity = this.create(m);
      else if (learn) this.extend(entity, m);
      out.push({ entity: entity.id, start: m.start, end: m.end, ...(!entity.forms.has(m.text) && { form: m.text }) });
    }
    return out.sort((a, b) => a.start - b.start);
  }

  private lookup(m: NameMention): LearnedEntity | undefined {
    const exact = this.byKey.get(m.key);
    if (exact) return exact;
    if (m.words === 1) return this.bySurname.get(m.key);
    const last = m.key.split(' ').at(-1)!;
    const single = this.byKey.get(last);
    return single?.type === 'person' || m.person ? single : undefined;
  }

  private create(m: NameMention): LearnedEntity {
    const id = `${LEARNED_ENTITY_PREFIX}${m.key.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || this.entities.length}`;
    const taken = this.entities.some((e) => e.id === id);
    const entity: LearnedEntity = {
      id: taken ? `${id}-${this.entities.length}` : id,
      key: m.key,
      type: m.person ? 'person' : m.acronym ? 'organization' : 'place',
      forms: new Set(),
    };
    this.entities.push(entity);
    this.byKey.set(m.key, entity);
    this.extend(entity, m);
    return entity;
  }

  private extend(entity: LearnedEntity, m: NameMention): void {
    entity.forms.add(m.text);
    if (m.person || entity.type === 'person') this.markPerson(entity);
  }

  /** A person is named by the last name alone after the first mention: "Kowalczyk" for "Marta Kowalczyk". */
  private markPerson(entity: LearnedEntity): void {
    entity.type = 'person';
    for (const form of [...entity.forms]) {
      const words = form.split(/\s+/);
      if (words.length < 2) continue;
      entity.forms.add(words.at(-1)!);
      const key = entity.key.split(' ').at(-1)!;
      if (!this.bySurname.has(key)) this.bySurname.set(key, entity);
    }
  }

  private learn(page: Page, lang: Lang, statement: Statement, named: readonly EntityMatch[]): void {
    const claim = this.toClaim(page, `${LEARNED_CLAIM_PREFIX}${this.claims.length + 1}`, statement, named, true);
    const words = wordSet(statement.text);
    const duplicate = this.findDuplicate(words, lang);
    if (duplicate) {
      const known = duplicate.claim.occurrences.some((o) => o.source === page.address && o.selector[1].start === statement.start);
      if (!known) duplicate.claim.occurrences.push(claim.occurrences[0]!);
      return;
    }
    const index = this.claims.length;
    this.claims.push({ claim, lang, words });
    for (const w of words) this.postings.set(w, [...(this.postings.get(w) ?? []), index]);
  }

  /** A statement as a claim: its sentence, its speaker and the entities it names, its passage in the page. */
  private toClaim(page: Page, id: string, statement: Statement, named: readonly EntityMatch[], learn: boolean): Claim {
    const inside = named.filter((m) => m.start >= statement.start && m.end <= statement.end);
    const speakerMatch = statement.speaker && named.find((m) => m.start === statement.speaker!.start);
    if (learn && statement.speaker && speakerMatch) {
      const learned = this.entities.find((e) => e.id === speakerMatch.entity);
      // A speaker named in full is a person; one word may as well be a country or a ministry ("Sweden said").
      if (learned && !statement.speaker.acronym && statement.speaker.words > 1) this.markPerson(learned);
    }
    const speaker = speakerMatch?.entity;
    const about = [...new Set(inside.map((m) => m.entity))].filter((id) => id !== speaker);
    return {
      id,
      statement: { de: statement.text, en: statement.text },
      about,
      occurrences: [occurrenceOf(page, statement.start, statement.end)],
      ...(speaker && { speaker }),
    };
  }

  /** The page's own statements as claims (ids `page:N`), to score the read passages against them in turn. */
  pageClaims(page: Page): Claim[] {
    const lang = page.lang ?? detectLang(page.text);
    const { statements, names } = extractStatements(page.text, lang);
    const named = this.nameEntities(page.text, names, false);
    return statements.map((st, i) => this.toClaim(page, `page:${i}`, st, named, false));
  }

  /** The sources read, by address. */
  source(address: string): Source | undefined {
    return this.articles.get(address)?.source;
  }

  /** A learned claim in the same language whose words are nearly the same (republished wire copy). */
  private findDuplicate(words: ReadonlySet<string>, lang: Lang): LearnedClaim | undefined {
    const overlap = new Map<number, number>();
    for (const w of words) for (const i of this.postings.get(w) ?? []) overlap.set(i, (overlap.get(i) ?? 0) + 1);
    let best: LearnedClaim | undefined;
    let bestScore = this.options.duplicate;
    for (const [i, shared] of overlap) {
      const c = this.claims[i]!;
      if (c.lang !== lang) continue;
      const score = shared / (words.size + c.words.size - shared);
      if (score >= bestScore) (best = c), (bestScore = score);
    }
    return best;
  }
}

function toEntity(e: LearnedEntity, extra: readonly string[] | undefined): Entity {
  const forms = [...new Set([...e.forms, ...(extra ?? [])])];
  const name = [...e.forms].sort((a, b) => b.length - a.length)[0] ?? e.key;
  const aliases = e.type === 'person' ? forms.flatMap((f) => (/s$/.test(f) ? [f] : [f, `${f}s`])) : forms;
  return {
    id: e.id,
    type: e.type,
    name: { de: name, en: name },
    description: { de: 'aus gelesenen Artikeln gelernt', en: 'learned from articles read' },
    aliases: [...new Set(aliases)].sort(),
  };
}

/** A passage of a read page as a W3C Web Annotation occurrence, like the curated ones. */
function occurrenceOf(page: Page, start: number, end: number): Claim['occurrences'][number] {
  const exact = page.text.slice(start, end);
  return {
    source: page.address,
    selector: [
      { type: 'TextQuoteSelector', exact, prefix: page.text.slice(Math.max(0, start - 32), start), suffix: page.text.slice(end, end + 32) },
      { type: 'TextPositionSelector', start, end },
    ],
  };
}

/** The distinct normalised words of a text. */
function wordSet(text: string): Set<string> {
  return new Set((text.match(/[\p{L}\p{N}]+/gu) ?? []).map(normalizeWord));
}

function daysBetween(a: string, b: string): number {
  const ta = Date.parse(a.length === 7 ? `${a}-01` : a);
  const tb = Date.parse(b.length === 7 ? `${b}-01` : b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return 0;
  return Math.abs(ta - tb) / 86_400_000;
}

/** Options for {@link linkPage}: the matcher's, and the scores from which a learned statement is linked. */
export interface LinkOptions extends MatcherOptions {
  /** Score from which a page's sentence states a learned statement of the same language. */
  learnedThreshold?: number;
  /** The same across German and English. */
  crossThreshold?: number;
  /** The score that suffices when the two passages share a telling figure ("17.9 km", "1,600 feet" / "500 Meter"). */
  figureThreshold?: number;
  /** Whether two passages that both give figures, none of them the same, are kept apart (default true). */
  figures?: boolean;
  /** Whether a passage read links to one sentence of the page at most, its best (default true). */
  oneToOne?: boolean;
  /** Content words (beyond names, speakers and reporting verbs) the two passages must share, unless a figure. */
  content?: number;
  /**
   * Whether to match the curated claims too (default true). The extension's background passes false: the content
   * script has matched them already, and building their matcher on every link was work done twice.
   */
  curated?: boolean;
}

/**
 * Score from which a page's sentence states a learned statement. Lower than the curated claims' threshold: a
 * learned claim has one rendering, written by one outlet, where a curated one has several and a canonical
 * statement. Chosen on the fitted stories (see scripts/eval/stories.ts).
 */
export const LEARNED_THRESHOLD = 0.33;
/** The same for a page and a passage in different languages, chosen on the fitted stories too. */
export const CROSS_THRESHOLD = 0.35;
/** Content words two passages must share beyond names (see {@link ContentWords}), chosen on the fitted stories. */
export const CONTENT_WORDS = 3;
/** The same when the two share a telling figure, chosen on the fitted stories too. */
export const FIGURE_THRESHOLD = 0.25;

/**
 * Links a page to what was read: the curated claims and the learned ones of the same story, found by one matcher.
 * The matcher measures how much of a claim's rendering a sentence covers; a learned rendering is one outlet's
 * sentence, often longer or shorter than the page's. So a learned statement is also scored the other way round,
 * the page's statements as claims and the read passage as the sentence, and the better of the two counts: a
 * short sentence wholly stated in a long one links either way. A page sentence links to at most one passage of
 * each article read (its best).
 * Returns the knowledge used (to look the claims and sources up) and what was found.
 */
export function linkPage(reading: Reading, page: Page, options: LinkOptions = {}): { kb: KnowledgeBase; result: MatchResult } {
  const kb = reading.knowledgeFor(page);
  const curated = options.threshold ?? DEFAULT_THRESHOLD;
  const same = options.learnedThreshold ?? LEARNED_THRESHOLD;
  const cross = options.crossThreshold ?? CROSS_THRESHOLD;
  const figure = options.figureThreshold ?? FIGURE_THRESHOLD;
  const learned = Math.min(same, cross, figure);
  const oneToOne = options.oneToOne ?? true;
  // The curated claims are matched as without any reading, so that nothing read changes how they are found. The
  // learned ones get a matcher of their own, so that a feature's rarity is counted among the story's statements:
  // the story's names, in most of them, weigh less than the words that tell its statements apart.
  const found = options.curated === false ? { entities: [], claims: [] } : buildMatcher(reading.base, { ...options, threshold: curated }).match(page.text);
  const learnedClaims = kb.claims.filter((c) => isLearnedClaim(c.id));
  // What the knowledge holds beyond the reading itself depends on the page: the story's articles, the page's own
  // spellings of learned names, the cognates of its words. Equal keys, equal knowledge, the same matcher.
  const pageForms = kb.entities.filter((e) => isLearnedEntity(e.id)).map((e) => e.aliases.join('|'));
  const cognates = kb.concepts.filter((c) => c.id.startsWith('cognate-') || c.id.startsWith('figure-'));
  const knowledgeKey = JSON.stringify([kb.sources.map((s) => s.id), pageForms, cognates]);
  const forward = reading
    .matcher(`forward\u0000${knowledgeKey}`, () => ({ entities: kb.entities, claims: learnedClaims, concepts: kb.concepts }), { threshold: learned, symmetric: false })
    .match(page.text);
  const scores = new Map<string, ClaimMatch>();
  const keep = (m: ClaimMatch) => {
    const key = `${m.start}|${m.claim}`;
    const prior = scores.get(key);
    if (!prior || prior.score < m.score) scores.set(key, m);
  };
  for (const m of forward.claims) if (isLearnedClaim(m.claim)) keep(m);
  const pageClaims = reading.pageClaims(page);
  if (pageClaims.length > 0) {
    const reverse = reading.matcher(
      `reverse\u0000${page.address}\u0000${page.lang ?? ''}\u0000${page.text}\u0000${knowledgeKey}`,
      () => ({ entities: kb.entities, claims: pageClaims, concepts: kb.concepts }),
      { threshold: learned, symmetric: false },
    );
    const spanOf = new Map(pageClaims.map((c) => [c.id, c.occurrences[0]!.selector[1]]));
    for (const source of kb.sources) {
      if (!reading.source(source.id)) continue;
      for (const m of reverse.match(source.text).claims) {
        const at = spanOf.get(m.claim)!;
        for (const c of learnedClaims) {
          const stated = c.occurrences.some((o) => o.source === source.id && o.selector[1].start < m.end && m.start < o.selector[1].end);
          if (stated) keep({ claim: c.id, start: at.start, end: at.end, score: m.score, ...(m.coverage !== undefined && { coverage: m.coverage }) });
        }
      }
    }
  }
  // Only the page's statements link: not its headings, captions or credits.
  const statementAt = new Set(pageClaims.map((c) => c.occurrences[0]!.selector[1].start));
  for (const [key, m] of scores) if (!statementAt.has(m.start)) scores.delete(key);
  const sourcesOf = new Map(kb.claims.filter((c) => isLearnedClaim(c.id)).map((c) => [c.id, new Set(c.occurrences.map((o) => o.source))]));
  const accept = acceptor(kb, page, pageClaims, { same, cross, figure, figures: options.figures ?? true, content: options.content ?? CONTENT_WORDS });
  const linked: ClaimMatch[] = [];
  const taken = new Map<number, Set<string>>();
  const claimed = new Set<string>();
  for (const m of [...scores.values()].filter(accept).sort((a, b) => b.score - a.score)) {
    // One to one: a passage read links to its best sentence of the page only. An article rarely states one
    // statement twice, while a story's other sentences that share its names often come close to it.
    if (oneToOne && claimed.has(m.claim)) continue;
    const sources = sourcesOf.get(m.claim)!;
    const used = taken.get(m.start) ?? new Set<string>();
    if ([...sources].every((s) => used.has(s))) continue;
    for (const s of sources) used.add(s);
    taken.set(m.start, used);
    claimed.add(m.claim);
    linked.push(m);
  }
  const claims = [...found.claims, ...linked];
  return { kb, result: { entities: found.entities, claims: claims.sort((a, b) => a.start - b.start || b.score - a.score) } };
}

/**
 * The test a scored pair of passages (a page's sentence, a learned statement) must pass to be linked: its score
 * against the threshold of its languages (the same, or German and English), or the lower one when the two share
 * a telling figure; and, when both give figures, at least one of them the same in some passage of the statement.
 */
function acceptor(
  kb: KnowledgeBase,
  page: Page,
  pageClaims: readonly Claim[],
  t: { same: number; cross: number; figure: number; figures: boolean; content: number },
): (m: ClaimMatch) => boolean {
  const lang = page.lang ?? detectLang(page.text);
  const nameWords = new Set(kb.entities.flatMap((e) => [...e.aliases, e.name.de, e.name.en]).flatMap((a) => [...wordSet(a)]));
  const content = t.content > 0 ? new ContentWords(kb.concepts, nameWords) : undefined;
  const pageContent = new Map<number, string[][]>();
  const passageContent = new Map<string, string[][]>();
  const langOf = new Map(kb.sources.map((s) => [s.id, s.lang]));
  const claims = new Map(kb.claims.map((c) => [c.id, c]));
  const pageFigures = new Map<number, Figure[]>();
  for (const c of pageClaims) pageFigures.set(c.occurrences[0]!.selector[1].start, figuresOf(c.occurrences[0]!.selector[0].exact));
  const passageFigures = new Map<string, Figure[]>();
  const figuresAt = (o: Claim['occurrences'][number]) => {
    const key = `${o.source}|${o.selector[1].start}`;
    let f = passageFigures.get(key);
    if (!f) passageFigures.set(key, (f = figuresOf(o.selector[0].exact)));
    return f;
  };
  return (m) => {
    const claim = claims.get(m.claim)!;
    const mine = pageFigures.get(m.start) ?? [];
    const theirs = claim.occurrences.map(figuresAt);
    if (t.figures && theirs.every((f) => figuresAgree(mine, f) === false)) return false;
    const across = claim.occurrences.every((o) => langOf.get(o.source) !== lang);
    const threshold = across ? t.cross : t.same;
    const telling = theirs.some((f) => shareTellingFigure(mine, f));
    if (content && !telling) {
      const here = pageContent.get(m.start) ?? content.of(pageClaims.find((c) => c.occurrences[0]!.selector[1].start === m.start)!.occurrences[0]!.selector[0].exact, lang);
      pageContent.set(m.start, here);
      const enough = claim.occurrences.some((o) => {
        const key = `${o.source}|${o.selector[1].start}`;
        const there = passageContent.get(key) ?? content.of(o.selector[0].exact, langOf.get(o.source) ?? lang);
        passageContent.set(key, there);
        return ContentWords.shared(here, there) >= t.content;
      });
      if (!enough) return false;
    }
    // The thresholds apply to the raw coverage, as the matcher's own does (the score is calibrated).
    return (m.coverage ?? m.score) >= (telling ? Math.min(threshold, t.figure) : threshold);
  };
}

/** Whether a claim id is one learned from pages read. */
export function isLearnedClaim(id: string): boolean {
  return id.startsWith(LEARNED_CLAIM_PREFIX);
}

/** Whether an entity id is a name learned from pages read. */
export function isLearnedEntity(id: string): boolean {
  return id.startsWith(LEARNED_ENTITY_PREFIX);
}
