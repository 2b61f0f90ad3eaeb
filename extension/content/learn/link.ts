/**
 * The content script's side of learning from pages read: it sends the page's text once to the background, which
 * owns what was read, and takes back the spans that state a learned claim, with those claims and their sources,
 * which join the page's knowledge so the card shows them like the knowledge base's. An article the reader stays
 * on for five visible seconds is sent to be learned; the background decides whether it may record it.
 */
import type { ClaimMatch } from '../../../shared/match/types.ts';
import type { Settings } from '../../../shared/userdata/types.ts';
import type { Knowledge } from '../match/knowledge.ts';
import type { ToBackground } from '../messaging.ts';
import { articleMeta, isArticle } from './article.ts';
import { afterVisibleFor, READ_AFTER_MS } from './dwell.ts';

/** Longest text sent to be learned: far beyond any article; a page larger than this is sent cut. */
const MAX_TEXT = 1_000_000;
/**
 * Longest page linked to what was read: an article is a few tens of thousands of characters. A larger page (a
 * feed, an archive) is not linked, so its first highlights never wait on the background's work.
 */
const MAX_LINKED = 200_000;

/** What the two calls send about this page. */
function pageOf(text: string) {
  return { url: location.href, ...articleMeta(document), text: text.slice(0, MAX_TEXT) };
}

/** The links of the page's text to what was read; the learned claims join `knowledge`. */
export function learnedLinker(send: ToBackground, knowledge: Knowledge): (text: string) => Promise<ClaimMatch[]> {
  return async (text) => {
    if (text.trim() === '' || text.length > MAX_LINKED) return [];
    const answer = await send('learn.link', pageOf(text));
    if (!answer.ok) {
      console.warn('Crossread: linking to pages read:', answer.error);
      return [];
    }
    for (const claim of answer.value.claims) knowledge.claims.set(claim.id, claim);
    for (const source of answer.value.sources) knowledge.sources.set(source.id, source);
    return answer.value.spans.map((s) => ({ claim: s.id, start: s.start, end: s.end, score: s.score }));
  };
}

/**
 * Sends an article to be learned once it has been visible for five seconds, unless the user turned recording off.
 * `text` gives the page's text at that moment.
 */
export function learnWhenRead(send: ToBackground, settings: () => Settings | null, text: () => Promise<string>, signal: AbortSignal): void {
  if (!isArticle(document)) return;
  afterVisibleFor(
    READ_AFTER_MS,
    () =>
      void (async () => {
        if (settings()?.recordReading === false) return;
        const body = await text();
        if (signal.aborted || body.trim() === '') return;
        const answer = await send('learn.read', pageOf(body));
        if (!answer.ok && !signal.aborted) console.warn('Crossread: learning the page:', answer.error);
      })(),
    signal,
  );
}
