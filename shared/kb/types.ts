/**
 * The knowledge base's types: the curated files under shared/kb/ (what people write and review)
 * and kb.json (what scripts/build-kb.ts writes and the extension bundles).
 */

/** What kind of thing an entity is. `agency` is a news agency (dpa, AFP, Tass). */
export type EntityType =
  | 'person'
  | 'country'
  | 'city'
  | 'region'
  | 'place'
  | 'organization'
  | 'agency';

/** A language the knowledge base writes its own prose in. */
export type Lang = 'de' | 'en';

/** Text in both UI languages. */
export type Bilingual = Record<Lang, string>;

/** An entity as curated in shared/kb/entities.json. */
export interface CuratedEntity {
  /** Stable kebab-case id, English (`vladimir-putin`, `north-korea`). */
  id: string;
  type: EntityType;
  /** Canonical name in each language (`Wladimir Putin` / `Vladimir Putin`). */
  name: Bilingual;
  /** One line, our own words. */
  description: Bilingual;
  /** Every surface form that names this entity unambiguously, matched case-insensitively. */
  aliases: string[];
  /** Short forms shared with other entities (`Kim`): resolved by context, or not at all. */
  shortForms?: string[];
  /** Ids of entities whose nearby mention makes a short form point to this entity. */
  context?: string[];
  /** Phrases that contain an alias but do not name the entity (`US-Dollar`). */
  block?: string[];
  /**
   * The entity a mention of this one stands for when news reports who said or did something: a capital for its
   * country's government (`Seoul` → `south-korea`), the Kremlin for Russia. Claims are matched on that entity,
   * so "Seoul protested" and "South Korea protested" state the same claim; highlights and cards stay this one's.
   */
  standsFor?: string;
}

/** A claim's passage in one source, as curated in shared/kb/claims.json. */
export interface CuratedOccurrence {
  /** Source id: the corpus file name without `.txt`. */
  source: string;
  /** The passage, copied verbatim from the source. */
  quote: string;
  /** Text right before the quote, needed only when the quote occurs more than once in the source. */
  prefix?: string;
}

/** A claim as curated in shared/kb/claims.json. */
export interface CuratedClaim {
  /** Stable kebab-case id (`putin-threatens-to-arm-north-korea`). */
  id: string;
  /** Canonical wording, our own, in both languages. */
  statement: Bilingual;
  /** Entity id of who made the claim, if anyone did. */
  speaker?: string;
  /** Entity ids the claim is about. */
  about: string[];
  occurrences: CuratedOccurrence[];
}

/** A source as curated in shared/kb/sources.json; every field must be borne out by the source's own text. */
export interface CuratedSource {
  /** The corpus file name without `.txt`. */
  id: string;
  /** The headline, or the opening sentence where the text has no headline; verbatim from the text. */
  title: string;
  /** `YYYY-MM` or `YYYY-MM-DD`. */
  date: string;
  /** News agency byline as the text gives it (`dpa`, `AFP`). */
  byline?: string;
  lang: Lang;
  /** Only where the text or the user gives one; never invented. */
  url?: string;
}

/** W3C Web Annotation TextQuoteSelector. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector: UTF-16 offsets into the source's text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** A claim's passage in one source, as built into kb.json. */
export interface Occurrence {
  source: string;
  selector: [TextQuoteSelector, TextPositionSelector];
}

/** A source as built into kb.json, with its full text. */
export interface Source extends CuratedSource {
  text: string;
}

/** An entity as built into kb.json: aliases expanded (hyphen/space variants), sorted, deduplicated. */
export type Entity = CuratedEntity;

/** A claim as built into kb.json. */
export interface Claim extends Omit<CuratedClaim, 'occurrences'> {
  occurrences: Occurrence[];
}

/**
 * One concept of the bilingual lexicon (shared/kb/lexicon.json): the words that express it in German and English.
 * Term syntax, matched against normalised tokens (lower case, ä→ae, ö→oe, ü→ue, ß→ss, other accents dropped):
 * - `liefer`   a token that starts with it (liefern, Lieferung, lieferte);
 * - `arms$`    exactly that token;
 * - `*waffe`   anywhere inside a token too, for German compounds (Präzisionswaffen);
 * - `koreanisch halbinsel` several words: consecutive tokens, each by the rules above.
 */
export interface Concept {
  id: string;
  de: string[];
  en: string[];
}

/** kb.json: everything the extension, the command line and the tests know. */
export interface KnowledgeBase {
  /** Format of this file; bumped on incompatible change. */
  format: 1;
  /** Content hash of everything below: changes exactly when the knowledge changes. */
  version: string;
  sources: Source[];
  entities: Entity[];
  claims: Claim[];
  concepts: Concept[];
}
