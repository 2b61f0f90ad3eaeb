/**
 * Notices in-page navigation (history.pushState, back/forward) so a single-page app's new article is scanned
 * as a new page. A content script cannot see the page's own pushState calls (it patches its own world's
 * History, not the page's), so it listens where the browser reports them and compares the URL.
 */

interface NavigationLike extends EventTarget {
  currentEntry?: unknown;
}

/** Calls `onChange(url)` whenever the document's URL changes without a reload; `check()` compares on demand. */
export class UrlWatcher {
  private url = location.href;

  constructor(
    private onChange: (url: string) => void,
    signal: AbortSignal,
  ) {
    const check = () => this.check();
    addEventListener('popstate', check, { signal });
    addEventListener('hashchange', check, { signal });
    // The Navigation API reports pushState too (Chromium; Firefox from 147); where it is missing, the mutation
    // batches that follow every SPA navigation call check().
    const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
    navigation?.addEventListener?.('navigatesuccess', check, { signal });
  }

  /** Reports a change of URL since the last check, ignoring changes of the fragment alone. */
  check(): void {
    const now = location.href;
    if (withoutHash(now) === withoutHash(this.url)) return;
    this.url = now;
    this.onChange(now);
  }
}

function withoutHash(url: string): string {
  const cut = url.indexOf('#');
  return cut < 0 ? url : url.slice(0, cut);
}
