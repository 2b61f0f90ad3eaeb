/** A source as a readable article: headline, date and byline, then its text with the claim's passages marked. */
import { useEffect, useRef } from 'preact/hooks';
import type { Source } from '../../shared/kb/types.ts';
import { t, uiLang } from '../ui/i18n.ts';
import { formatDate } from '../ui/kb-text.ts';
import { paragraphs, type Span } from './passages.ts';

interface Props {
  source: Source;
  spans: Span[];
  /** The claim's statement in the UI language, when the reader was opened for a claim. */
  statement: string | null;
}

/** The article, scrolled so the first marked passage is in the middle of the view. */
export function Article({ source, spans, statement }: Props) {
  const first = useRef<HTMLElement>(null);
  useEffect(() => {
    const mark = first.current;
    if (!mark) return;
    mark.scrollIntoView({ block: 'center', behavior: 'instant' });
    // Focus without a second scroll, so screen readers start reading at the passage.
    mark.focus({ preventScroll: true });
  }, [source.id, spans]);
  let firstMarked = true;
  return (
    <article lang={source.lang}>
      <h1>{source.title}</h1>
      <p class="meta">
        <time dateTime={source.date}>{formatDate(source.date, uiLang())}</time>
        {source.byline && <> · {t('readerByline', source.byline)}</>}
      </p>
      {statement && spans.length > 0 && <p class="passage-note">{t('readerPassageFor', statement)}</p>}
      {paragraphs(source.text, spans).map((parts, i) => (
        <p key={i}>
          {parts.map((part, j) => {
            if (!part.marked) return part.text;
            const ref = firstMarked ? first : undefined;
            firstMarked = false;
            return (
              <mark key={j} class="passage" ref={ref} tabIndex={ref ? -1 : undefined}>
                {part.text}
              </mark>
            );
          })}
        </p>
      ))}
    </article>
  );
}
