/** "Also reported by": each other source with its own wording of a claim, each passage a link to that place. */
import { t } from './i18n.ts';
import type { PassageLink } from './links.ts';
import type { SourceQuote } from './models.ts';

interface Props {
  items: readonly SourceQuote[];
  /** Absolute URL for a link (reader paths need the extension's origin). */
  hrefFor: (link: PassageLink) => string;
  /** Opens a reader link; web pages cannot navigate to extension pages, so the background opens them. */
  openReader: (item: SourceQuote) => void;
}

/** Passages shown per source; the reader and the text fragment lead to the rest. */
const MAX_PASSAGES = 2;

/** The list of other sources; a note when there are none. */
export function OtherSources({ items, hrefFor, openReader }: Props) {
  if (items.length === 0) return <p class="cl-source-meta">{t('cardNoOtherSources')}</p>;
  return (
    <ul class="cl-sources">
      {items.map((item) => (
        <li class="cl-source" key={item.sourceId}>
          <div class="cl-source-title">{item.title}</div>
          <div class="cl-source-meta">{[item.date, item.byline].filter(Boolean).join(' · ')}</div>
          {item.passages.slice(0, MAX_PASSAGES).map((passage) => (
            <a
              class="cl-source-link"
              key={passage.text}
              href={hrefFor(passage.link)}
              target="_blank"
              rel="noopener noreferrer"
              title={t(passage.link.kind === 'web' ? 'sourceOnWeb' : 'sourceInReader')}
              onClick={(event) => {
                if (passage.link.kind !== 'reader' || event.button !== 0) return;
                event.preventDefault();
                openReader(item);
              }}
            >
              <blockquote class="cl-quote">{passage.text}</blockquote>
            </a>
          ))}
        </li>
      ))}
    </ul>
  );
}
