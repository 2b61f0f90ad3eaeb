/** The page as an article for the knowledge base: its extracted text and the known claims found in it, as offsets. */
import type { PageArticle } from '../../../shared/messages.ts';
import { guessLang } from '../../../shared/userdata/types.ts';
import { rangeOffsets } from '../extract/offsets.ts';
import type { TextMap } from '../extract/text-map.ts';
import type { Finding } from '../findings.ts';

/** What `article.add` needs of the page at `url`: one claim span per finding still in the page's text. */
export function pageArticle(map: TextMap<Text>, findings: readonly Finding[], page: { url: string; title: string; lang: string }): PageArticle {
  const claims: PageArticle['claims'] = [];
  for (const f of findings) {
    if (f.kind !== 'claim') continue;
    const span = rangeOffsets(map, f.range);
    if (span) claims.push({ claimId: f.id, ...span });
  }
  const text = map.text;
  return { url: page.url, title: page.title.trim() || page.url, text, lang: guessLang(text, page.lang), claims };
}
