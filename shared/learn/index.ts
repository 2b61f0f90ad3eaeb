/**
 * Learning from pages read: statements and open-world names extracted from each article, kept as claims and
 * entities the matcher knows, so that a new page is linked to what was read with the same matcher.
 */
export { extractStatements, isBoilerplate, type Extraction, type Statement, type StatementKind } from './extract.ts';
export { detectLang } from './lang.ts';
export { findNames, looseKey, type NameMention } from './names.ts';
export { NEWS_CONCEPTS } from './news-lexicon.ts';
export {
  curatedEntityMatcher,
  isLearnedClaim,
  isLearnedEntity,
  LEARNED_THRESHOLD,
  linkPage,
  Reading,
  type BaseKnowledge,
  type LinkOptions,
  type Page,
  type PreparedPage,
  type ReadingOptions,
} from './reading.ts';
export {
  SEED_STORY_ID,
  StoryIndex,
  titleNames,
  type Story,
  type StoryArticle,
  type StoryLink,
  type StoryPassage,
  type StoryStatement,
} from './stories.ts';
