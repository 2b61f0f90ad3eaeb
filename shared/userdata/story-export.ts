/**
 * A story's export. The import replaces the knowledge base and all of the reader's data with the file's, so a
 * story travels inside a whole export: the reader's data as it is, plus the story's statements as claims of the
 * reader's own (`user-story-…`), its pages read as the reader's sources, and each passage as an occurrence. Imported
 * back, nothing is lost and the story's passages stay, even after the pages read are forgotten. Its JSON-LD is the
 * usual Web Annotation collection (web-annotation.ts), labelled with the story and describing it under `cr:story`.
 */
import type { Story } from '../learn/stories.ts';
import { toWebAnnotation } from './web-annotation.ts';
import { pageSourceId, USER_CLAIM_PREFIX, type ExportFile, type UserClaim, type UserOccurrence, type UserSource } from './types.ts';

/** Prefix of the ids of claims a story export adds. */
export const STORY_CLAIM_PREFIX = `${USER_CLAIM_PREFIX}story-`;

/** A short stable hash (FNV-1a), so exporting a story twice gives its statements the same ids. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `file` with `story` added as the reader's own claims, sources and occurrences; what is there already stays. */
export function withStory(file: ExportFile, story: Story, now: number): ExportFile {
  const sources = new Map(file.user.sources.map((s) => [s.id, s]));
  const claims = new Map(file.user.claims.map((c) => [c.id, c]));
  const occurrences = new Map(file.user.occurrences.map((o) => [`${o.claimId} in ${o.sourceId}`, o]));
  const added: { sources: UserSource[]; claims: UserClaim[]; occurrences: UserOccurrence[] } = { sources: [], claims: [], occurrences: [] };
  for (const article of story.articles) {
    // The knowledge base's own articles travel in it already.
    if (article.curated || !article.url) continue;
    const id = pageSourceId(article.url);
    if (sources.has(id)) continue;
    const source: UserSource = {
      id,
      url: article.url,
      title: article.title || article.url,
      date: day(article.readAt),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(article.date) && { published: article.date }),
      lang: article.lang,
    };
    sources.set(id, source);
    added.sources.push(source);
  }
  const articles = new Map(story.articles.map((a) => [a.id, a]));
  for (const statement of story.statements) {
    const claimId = statement.claimId ?? `${STORY_CLAIM_PREFIX}${hash(statement.id)}`;
    if (!statement.claimId && !claims.has(claimId)) {
      const claim: UserClaim = { id: claimId, statement: statement.text.slice(0, 5000), about: [], created: now };
      claims.set(claimId, claim);
      added.claims.push(claim);
    }
    for (const passage of statement.passages) {
      const article = articles.get(passage.article);
      if (!article || article.curated || !article.url) continue;
      const sourceId = pageSourceId(article.url);
      const key = `${claimId} in ${sourceId}`;
      // One occurrence per claim and source, as the reader's data keeps them.
      if (occurrences.has(key)) continue;
      const occurrence: UserOccurrence = { claimId, sourceId, selector: passage.selector, confirmed: false, recorded: now };
      occurrences.set(key, occurrence);
      added.occurrences.push(occurrence);
    }
  }
  return {
    ...file,
    user: {
      ...file.user,
      sources: [...file.user.sources, ...added.sources],
      claims: [...file.user.claims, ...added.claims],
      occurrences: [...file.user.occurrences, ...added.occurrences],
    },
  };
}

/** What `cr:story` says of a story: its title and its articles. */
export interface StoryDescription {
  id: string;
  title: string;
  articles: Array<{ url?: string; site: string; title: string; date: string; lang: string }>;
  statements: number;
}

/** A story export as a Web Annotation collection: the usual one, labelled with the story. */
export function storyToWebAnnotation(file: ExportFile, story: StoryDescription): Record<string, unknown> {
  return {
    ...toWebAnnotation(file),
    id: `urn:crossread:story:${hash(story.id)}`,
    label: `Crossread story: ${story.title}`,
    'cr:story': story,
  };
}
