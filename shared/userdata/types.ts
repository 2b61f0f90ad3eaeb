/**
 * The user's own data, which seeding never touches: annotations, claims they recorded, pages they read or
 * articles they added (sources), the occurrences of claims found there, and settings. Also the export file that
 * carries all of it together with the knowledge base.
 */
import type { KnowledgeBase, Lang } from '../kb/types.ts';
import type { TextSelectors } from '../anchor/describe.ts';

/** A passage the user annotated: a note, a claim it states, or both. */
export interface UserAnnotation {
  /** Assigned by the database. */
  id?: number;
  /** The page, without its fragment. */
  url: string;
  /** The page's title when the annotation was made. */
  title: string;
  /** Milliseconds since the epoch. */
  created: number;
  modified: number;
  selectors: TextSelectors;
  /** The user's note; empty when the annotation only marks a claim. */
  note: string;
  /** A claim of the knowledge base, or one of the user's, that the passage states. */
  claimId?: string;
}

/** Prefix of the ids of claims the user recorded, so they never collide with the knowledge base's. */
export const USER_CLAIM_PREFIX = 'user-';

/** A claim the user recorded. */
export interface UserClaim {
  id: string;
  statement: string;
  /** Entity id of who made it. */
  speaker?: string;
  /** Entity ids it is about. */
  about: string[];
  created: number;
}

/** A page the user read, or an article they added: a source of the user's own. */
export interface UserSource {
  /** `page:` + URL for pages read; `article:` + a content hash for added articles. */
  id: string;
  url?: string;
  title: string;
  /** When it was read or added: `YYYY-MM-DD`. */
  date: string;
  /** The article's own publication date from its metadata (`YYYY-MM-DD`), when the page gave one. */
  published?: string;
  lang?: Lang;
  /** Only for added articles, so the reader page can show them. */
  text?: string;
}

/** A known claim found in a user source: by the matcher, or confirmed by the user. */
export interface UserOccurrence {
  claimId: string;
  sourceId: string;
  selector: TextSelectors;
  /** True when the user marked the passage; false when only the matcher found it. */
  confirmed: boolean;
  /** Milliseconds since the epoch. */
  recorded: number;
}

/**
 * A passage the reader said does not state a claim ("Not this claim"): on this page, that claim is never shown
 * for this passage again, and the page is no longer a source of it through this passage.
 */
export interface UserRejection {
  /** The page, without its fragment. */
  url: string;
  claimId: string;
  /** The passage as the page words it, whitespace collapsed (see {@link passageKey}). */
  quote: string;
  /** Milliseconds since the epoch. */
  created: number;
}

/** A passage's text as rejections compare it: runs of whitespace made one space, ends trimmed. */
export function passageKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Whether the reader rejected `claimId` for a passage worded `text` (among one page's rejections). */
export function isRejected(rejections: readonly Pick<UserRejection, 'claimId' | 'quote'>[], claimId: string, text: string): boolean {
  const quote = passageKey(text);
  return rejections.some((r) => r.claimId === claimId && r.quote === quote);
}

/** What the user can set on the options page. */
export interface Settings {
  /** Host names (`example.com` also covers `www.example.com`) where Crossread does nothing. */
  disabledSites: string[];
  /** How long the pointer rests on a highlight before its card opens. */
  hoverDelayMs: number;
  /** Whether pages read are recorded as sources of the claims found in them. */
  recordReading: boolean;
}

/** The hover delays the options page offers: short enough to feel live, long enough not to flicker. */
export const HOVER_DELAY_MIN_MS = 200;
export const HOVER_DELAY_MAX_MS = 2000;

/** The settings of a fresh install; the hover delay is the card's built-in dwell (content/hover-card/timing.ts). */
export const DEFAULT_SETTINGS: Settings = { disabledSites: [], hoverDelayMs: 500, recordReading: true };

/** A hover delay brought into the offered range; anything not a number gets the default. */
export function clampHoverDelay(ms: unknown): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return DEFAULT_SETTINGS.hoverDelayMs;
  return Math.round(Math.min(HOVER_DELAY_MAX_MS, Math.max(HOVER_DELAY_MIN_MS, ms)));
}

/**
 * The storage.local key the options page touches after it changed the settings: content scripts cannot hear
 * runtime messages, but they do hear storage.onChanged, and then ask the background (the settings' one owner).
 */
export const SETTINGS_CHANGED_KEY = 'settingsChanged';

/** Whether a page in this state may be recorded as a source: never from a private window, never when switched off. */
export function mayRecordReading(settings: Pick<Settings, 'recordReading'>, incognito: boolean | undefined): boolean {
  return settings.recordReading && incognito !== true;
}

/** The language of an article's text when the page does not declare one: German by its commonest words. */
export function guessLang(text: string, declared = ''): Lang {
  const tag = declared.trim().toLowerCase();
  if (tag.startsWith('de')) return 'de';
  if (tag.startsWith('en')) return 'en';
  return /\b(der|die|das|und|nicht)\b/i.test(text) ? 'de' : 'en';
}

/** All of the user's data. */
export interface UserData {
  annotations: UserAnnotation[];
  claims: UserClaim[];
  sources: UserSource[];
  occurrences: UserOccurrence[];
  settings: Settings;
  /** Passages the reader rejected; absent in exports made before rejections existed. */
  rejections?: UserRejection[];
}

/** The JSON export: the whole knowledge base and the user's data. */
export interface ExportFile {
  format: 'crossread-export';
  formatVersion: 1;
  /** ISO time of the export; informative only. */
  exported: string;
  kb: KnowledgeBase;
  user: UserData;
}

/** Whether a host is one of the sites where Crossread stays off. */
export function isSiteDisabled(hostname: string, sites: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/^www\./, '');
  return sites.some((site) => {
    const s = site.toLowerCase().trim().replace(/^www\./, '');
    return s !== '' && (host === s || host.endsWith(`.${s}`));
  });
}

/** The id of the user source for a web page read at `url`. */
export function pageSourceId(url: string): string {
  return `page:${url}`;
}

/** A page's address as annotations and sources key it: without its fragment. */
export function pageKey(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}
