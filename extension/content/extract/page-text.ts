/**
 * The page's whole text, walked once and shared: the matcher's full scans, the annotations' anchoring, the
 * selection toolbar and the page-as-article all read this one map. It stays current until the page changes (the
 * change watcher says so) or our own drawing moves text nodes (the <mark> fallback); then the next reader walks
 * the page again, once, for everyone.
 */
import { extractText, type Extraction } from './walk.ts';
import type { TextMap } from './text-map.ts';

/** The current full-page text map, walked on demand. */
export class PageText {
  private map: TextMap<Text> | null = null;
  private walking: Promise<Extraction> | null = null;
  /** Bumped by every change; a walk that saw a change while it ran is not kept. */
  private generation = 0;

  constructor(private signal: AbortSignal) {}

  /** The page's text as it is now: the kept map, or a walk of the body if the page changed since. */
  async current(): Promise<TextMap<Text>> {
    return (await this.read()).map;
  }

  /** The same, saying whether the walk saw the whole body (a kept map always did). */
  read(): Promise<Extraction> {
    return this.map ? Promise.resolve({ map: this.map, complete: true }) : this.walk();
  }

  /** The page's text or its text nodes changed: the kept map no longer describes them. */
  invalidate(): void {
    this.generation++;
    this.map = null;
    this.walking = null;
  }

  private walk(): Promise<Extraction> {
    if (this.walking) return this.walking;
    const generation = this.generation;
    const walking = extractText(document.body, this.signal)
      .then((extraction) => {
        if (this.generation === generation && extraction.complete) this.map = extraction.map;
        return extraction;
      })
      .finally(() => {
        if (this.walking === walking) this.walking = null;
      });
    this.walking = walking;
    return walking;
  }
}
