/**
 * The knowledge-base build as one in-process call: load the curated files, check them, anchor the quotes, and
 * assemble kb.json's content. No file is written here, so the extension build, the CLI and the tests share it.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { KnowledgeBase } from '../../shared/kb/types.ts';
import { checkClaims } from './claims.ts';
import { checkEntities } from './entities.ts';
import { checkLexicon } from './lexicon.ts';
import { loadKbDir } from './load.ts';
import type { Problem } from './problems.ts';
import { checkSources } from './sources.ts';
import { addSpellingVariants } from './spelling.ts';

/** What a build produced: the KB from every valid entry, and everything wrong with the rest. */
export interface BuildResult {
  kb: KnowledgeBase;
  problems: Problem[];
}

/** Builds the KB from the curated files in `kbDir`; problem lines name files under `kbDir` as given. */
export function buildKb(kbDir: string): BuildResult {
  const problems: Problem[] = [];
  const raw = loadKbDir(kbDir, problems);
  const sources = checkSources(raw.sources, raw.texts, join(kbDir, 'sources.json'), problems);
  const { entities, ids } = checkEntities(raw.entities, join(kbDir, 'entities.json'), problems);
  // German and English transliterations of names by rule; the articles' own lower-case words are the common words.
  addSpellingVariants(entities, sources.map((s) => s.text));
  const refs = {
    // An unreadable file is reported once; checking references against it would only repeat that.
    entityIds: raw.entities === undefined ? undefined : ids,
    sources: raw.sources === undefined ? undefined : new Map(sources.map((s) => [s.id, s])),
    corpusDir: join(kbDir, 'corpus'),
  };
  const claims = checkClaims(raw.claims, refs, join(kbDir, 'claims.json'), problems);
  const concepts = raw.lexicon === undefined ? [] : checkLexicon(raw.lexicon, join(kbDir, 'lexicon.json'), problems);
  const content = { sources, entities, claims, concepts };
  return { kb: { format: 1, version: contentVersion(content), ...content }, problems };
}

/** A short hash of the knowledge itself: equal builds get equal versions, and any change of content a new one. */
export function contentVersion(content: Omit<KnowledgeBase, 'format' | 'version'>): string {
  return createHash('sha256').update(JSON.stringify({ format: 1, ...content })).digest('hex').slice(0, 12);
}
