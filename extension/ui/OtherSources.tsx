/** "Also reported by": each other source's own wording of a claim, each a link to that passage. */
import { t } from './i18n.ts';
import type { PassageLink } from './links.ts';
import type { SourceQuote } from './models.ts';

interface Props {
  items: readonly SourceQuote[];
  /** Absolute URL for a link (reader paths need the extension's origin). */
  hrefFor: (link: PassageLink) => string;
  /** Opens a reader link; pages cannot navigate to extension pages themselves, so the background opens them. */
  openReader: (item: SourceQuote) => void;
}

/** The list of other sources; a note when there are none. */
export function OtherSources({ items, hrefFor, openReader }: Props) {
  if (items.length === 0) return <p class="cl-source-meta">{t('cardNoOtherSources')}</p>;
  return (
    <ul class="cl-sources">
      {items.map((item) => (
        <li class="cl-source" key={`${item.sourceId}:${item.quote}`}>
          <a
            class="cl-source-link"
            href={hrefFor(item.link)}
            target="_blank"
            rel="noopener noreferrer"
            title={t(item.link.kind === 'web' ? 'sourceOnWeb' : 'sourceInReader')}
            onClick={(event) => {
              if (item.link.kind !== 'reader' || event.button !== 0) return;
              event.preventDefault();
              openReader(item);
            }}
          >
            {item.title}
          </a>
          <div class="cl-source-meta">{[item.date, item.byline].filter(Boolean).join(' · ')}</div>
          <blockquote class="cl-quote">{item.quote}</blockquote>
        </li>
      ))}
    </ul>
  );
}
