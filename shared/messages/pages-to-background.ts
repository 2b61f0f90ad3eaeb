/** extension pages → background: what only the extension's own pages (sidebar, options, reader) may ask. */
import { call, channel, returns } from '../rpc/channel.ts';
import { anObject, arr, type Check, int, obj, oneOf, optional, str } from '../rpc/schema.ts';
import type { Source } from '../kb/types.ts';
import { HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS, type ExportFile, type Settings } from '../userdata/types.ts';
import { forwards, ID, LANG, MAX_FOUND, NONE, ROW_ID, TAB_ID } from './checks.ts';
import type { ArticleInput, LearnedOverview, LearnedStorage, StoryExport, StoryInfo, TabClaims } from './types.ts';

const SETTINGS: Check<Settings> = obj({
  disabledSites: arr(str(300), 10_000),
  hoverDelayMs: int(HOVER_DELAY_MIN_MS, HOVER_DELAY_MAX_MS),
  recordReading: oneOf(true, false),
});

const ARTICLE: Check<ArticleInput> = obj({
  title: str(2000, 1),
  text: str(2_000_000, 1),
  url: optional(str(8192)),
  lang: LANG,
  claims: arr(obj({ claimId: ID, start: int(0, 2_000_000), end: int(0, 2_000_000) }), MAX_FOUND),
});

/** Calls only the extension's own pages make to the background: a content script sits beside an untrusted page. */
export const pagesToBackground = channel(['extension'], {
  /** What was found on a tab, with claim and entity details; null if its page reported nothing yet. */
  'tab.claims': call(obj({ tabId: TAB_ID }), returns<TabClaims | null>()),
  /** A source with its full text, for the reader page. */
  'source.get': call(obj({ id: ID }), returns<Source>()),
  /** Deletes an annotation. */
  'annotation.delete': call(obj({ id: ROW_ID }), returns<null>()),
  /** Everything: the knowledge base and the user's data. */
  'data.export': call(NONE, returns<ExportFile>()),
  /** Replaces the knowledge base and the user's data with the file's, in one transaction, or changes nothing. */
  'data.import': call(obj({ file: anObject<ExportFile>() }), returns<{ annotations: number; claims: number }>()),
  /** Deletes the user's annotations, claims, sources and occurrences; settings go back to their defaults. */
  'data.clear': call(NONE, returns<null>()),
  /** Saves the settings. */
  'settings.set': call(SETTINGS, returns<Settings>()),
  /** What was learned from pages read, per site, and how many days it is kept. */
  'learned.list': call(NONE, returns<LearnedOverview>()),
  /** Forgets a page read (by its URL) or every page read on a site; answers how many pages were forgotten. */
  'learned.delete': call(obj({ url: optional(str(8192, 1)), site: optional(str(300, 1)) }), returns<{ pages: number }>()),
  /** Sets how many days pages read are kept (oldest are pruned first); answers how many pages were pruned. */
  'learned.keep': call(obj({ days: int(1, 3650) }), returns<{ pages: number }>()),
  /** How much the pages read take, the bounds kept, and the last time the disk was full. */
  'learned.storage': call(NONE, returns<LearnedStorage>()),
  /** Sets the megabytes of pages read kept (0: no bound; oldest are pruned first); answers how many pages were pruned. */
  'learned.limit': call(obj({ mb: int(0, 1_000_000) }), returns<{ pages: number }>()),
  // Stories: articles read joined by the statements they share (background/stories.ts).
  /** The stories learned, the curated seed story first, then by the first article read; titles in `lang`. */
  'stories.list': call(obj({ lang: LANG }), returns<StoryInfo[]>()),
  /** The stories of the articles read other than the page at `url`, which the sidebar groups the page's claims by. */
  'stories.ofPage': call(obj({ url: str(8192, 1), lang: LANG }), returns<StoryInfo[]>()),
  /** Forgets what was learned from a story's pages read; answers how many pages were forgotten. */
  'stories.delete': call(obj({ id: str(8192, 1) }), returns<{ pages: number }>()),
  /** The export with a story's statements and passages added as the reader's own, to save as JSON-LD. */
  'stories.export': call(obj({ id: str(8192, 1), lang: LANG }), returns<StoryExport>()),
  /** Adds an article as a user source, with the claims the matcher found in it. */
  'article.add': call(forwards(ARTICLE), returns<{ sourceId: string; recorded: number }>()),
});
