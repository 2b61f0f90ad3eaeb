/**
 * Loads the UI chunk (ui.js, built from chunk.tsx) into the content script's own world on first use, keeping
 * Preact and the views out of the always-loaded script. import() of an extension URL works in content scripts
 * of both browsers whatever the page's CSP; the file is web-accessible for that (in Chrome only under a
 * per-session dynamic URL, so pages cannot use it to detect the extension), and holds nothing but views.
 */
import { browser } from '../../browser-api.ts';

/** The chunk's exports. */
export type UiChunk = typeof import('./chunk.tsx');

/** The chunk's file in the built extension. */
export const UI_CHUNK_FILE = 'ui.js';

let loading: Promise<UiChunk> | null = null;
let loaded: UiChunk | null = null;

/** Starts loading the chunk if nobody has yet; resolves with it. A failed load may be tried again. */
export function loadUi(): Promise<UiChunk> {
  loading ??= (import(browser.runtime.getURL(UI_CHUNK_FILE)) as Promise<UiChunk>).then(
    (chunk) => (loaded = chunk),
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/** The chunk if it has arrived, for code that must act in the same task (opening a card on a dwell). */
export function loadedUi(): UiChunk | null {
  return loaded;
}

/** Loads the chunk in the background; a failure shows up again, and is reported, when the UI is needed. */
export function preloadUi(): void {
  loadUi().catch(() => undefined);
}

/** The chunk's loader as the card, the toolbar and the hover tracker are given it. */
export interface UiLoader {
  load(): Promise<UiChunk>;
  loaded(): UiChunk | null;
  preload(): void;
}

/** The one loader of this content script. */
export const uiLoader: UiLoader = { load: loadUi, loaded: loadedUi, preload: preloadUi };
