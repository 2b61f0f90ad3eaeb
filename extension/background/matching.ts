/**
 * The knowledge base's matcher, built once in the background and kept while the background lives, so that no
 * page load builds it again: a content script sends its text (in pieces) and gets the spans back.
 *
 * It is built from the database through the matcher's public API only (buildMatcher, match). Whatever changes
 * the tables it is built from (seeding a new version, an import, clearing) drops the cached one, through Dexie's
 * `storagemutated` event, which fires for every committed write from this context and, over a BroadcastChannel,
 * from the extension's other pages; a build that a change overtook is thrown away rather than served. The tables
 * are only ever replaced whole, so there is nothing to patch in place: the next call builds from the new content.
 * A stopped Chromium service worker or Firefox event page starts empty and builds on its first call.
 */
import { buildMatcher } from '../../shared/match/index.ts';
import type { Matcher, MatchResult } from '../../shared/match/types.ts';
import type { MatcherData } from '../../shared/messages.ts';
import { onTablesChanged, SEEDED_TABLES, type CrossreadDb } from './db.ts';

/** What one knowledge-base state gives: the data as the pages ask for it, and its matcher once asked. */
interface Entry {
  data: MatcherData;
  matcher: Matcher | null;
}

/**
 * The tables the matcher and `matcher.data` are read from; a write to any of them makes the cache stale. Not `meta`:
 * its knowledge-base version is only written with these tables (seeding, import), while its other keys change all
 * the time (the pages read's byte count on every article learned) and each of those writes threw the matcher away,
 * so the next page waited for a rebuild.
 */
const WATCHED: readonly string[] = SEEDED_TABLES;

/** Caches `matcher.data` and its compiled matcher until the knowledge base changes. */
export class MatcherCache {
  private entry: Promise<Entry> | null = null;
  /** Bumped on every change; an entry loaded under an older generation is never handed out. */
  private generation = 0;

  /** `load` reads the knowledge base (queries.ts matcherData); `build` compiles it (buildMatcher by default). */
  constructor(
    private readonly load: () => Promise<MatcherData>,
    private readonly build: (data: MatcherData) => Matcher = (data) => buildMatcher(data),
  ) {}

  /** Drops what is cached; the next call reads and builds again. */
  invalidate(): void {
    this.generation++;
    this.entry = null;
  }

  /** The knowledge base as `matcher.data` answers it. */
  async data(): Promise<MatcherData> {
    return (await this.current()).data;
  }

  /** The compiled matcher of the current knowledge base. */
  async matcher(): Promise<Matcher> {
    for (;;) {
      const generation = this.generation;
      const entry = await this.current();
      entry.matcher ??= this.build(entry.data);
      if (generation === this.generation) return entry.matcher;
    }
  }

  /** Entities and claims in `text`, offsets into `text`. */
  async match(text: string): Promise<MatchResult> {
    return (await this.matcher()).match(text);
  }

  /** The entry of the current generation, read if need be; a read that a change overtook is read again. */
  private async current(): Promise<Entry> {
    for (;;) {
      const generation = this.generation;
      if (!this.entry) {
        const loading = this.load().then((data) => ({ data, matcher: null }));
        this.entry = loading;
        // A failed read is not cached: the next call tries again.
        loading.catch(() => {
          if (this.entry === loading) this.entry = null;
        });
      }
      const entry = await this.entry;
      if (generation === this.generation) return entry;
    }
  }
}

/** A cache over `db` that drops itself whenever the knowledge base's tables change. */
export function watchedMatcherCache(db: CrossreadDb, load: () => Promise<MatcherData>): MatcherCache {
  const cache = new MatcherCache(load);
  onTablesChanged(db, WATCHED, () => cache.invalidate());
  return cache;
}
