/** Where a link to a claim's passage in another source goes: the web page at the quote, or our reader page. */
import { browser } from '../browser-api.ts';
import { textFragmentUrl } from './text-fragment.ts';

/** The reader page's path (relative to the extension's root) for a source, at a claim's passage if given. */
export function readerPath(sourceId: string, claimId?: string): string {
  const query = new URLSearchParams({ source: sourceId });
  if (claimId) query.set('claim', claimId);
  return `reader/reader.html?${query}`;
}

/** Only http(s) URLs are linked: a KB entry (or an import) must not be able to plant a javascript: link. */
export function isWebUrl(url: string | undefined): url is string {
  if (!url) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** A link to one passage: a web URL with a text fragment, or the reader path. */
export interface PassageLink {
  kind: 'web' | 'reader';
  /** Absolute URL for web links, a path under the extension for reader links. */
  href: string;
}

/** The link for a quote in a source that may or may not have a URL of its own. */
export function passageLink(source: { id: string; url?: string }, quote: string, claimId?: string): PassageLink {
  if (isWebUrl(source.url)) return { kind: 'web', href: textFragmentUrl(source.url, quote) };
  return { kind: 'reader', href: readerPath(source.id, claimId) };
}

/** Where a passage link points: web links as they are, reader paths under the extension's own URL. */
export function hrefFor(link: PassageLink): string {
  return link.kind === 'reader' ? browser.runtime.getURL(link.href) : link.href;
}
