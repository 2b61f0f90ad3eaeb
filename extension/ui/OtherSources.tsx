/** "Also reported by": each other source with its own wording of a claim, each passage a link to that place. */
import { useState } from 'preact/hooks';
import { t } from './i18n.ts';
import type { PassageLink } from './links.ts';
import type { Passage, SourceQuote } from './models.ts';

interface Props {
  items: readonly SourceQuote[];
  /** Absolute URL for a link (reader paths need the extension's origin). */
  hrefFor: (link: PassageLink) => string;
  /** Opens a reader link; web pages cannot navigate to extension pages, so the background opens them. */
  openReader: (item: SourceQuote) => void;
  /**
   * "Not this claim" on a passage of a page the reader read (or an article they added); false if it failed. The
   * knowledge base's sources are curated and get no such button.
   */
  rejectPassage?: ((item: SourceQuote, passage: Passage) => Promise<boolean>) | undefined;
}

/** Passages shown per source; the reader and the text fragment lead to the rest. */
const MAX_PASSAGES = 2;

/** The small tag that says which language a passage is in. */
function LangTag({ lang }: { lang: Passage['lang'] }) {
  const name = t(lang === 'de' ? 'langGerman' : 'langEnglish');
  return (
    <span class="cl-lang" title={name} aria-label={name}>
      {lang.toUpperCase()}
    </span>
  );
}

/** The small mark on a passage the reader confirmed states the claim. */
function ConfirmedMark() {
  return (
    <span class="cl-confirmed" title={t('confirmedHelp')}>
      ✓ {t('confirmedMark')}
    </span>
  );
}

/** "Not this claim": the reader says the page's passage does not state the claim. Card and sidebar use it alike. */
export function NotThisClaim({ onReject }: { onReject: () => Promise<boolean> }) {
  const { busy, click, failure } = useReject(onReject);
  return (
    <div class="cl-reject-row">
      <button type="button" class="cl-reject" title={t('notThisClaimHelp')} disabled={busy} onClick={click}>
        {t('notThisClaim')}
      </button>
      {failure}
    </div>
  );
}

/**
 * The state of one "Not this claim" button: busy while the background works; on success the entry goes away with
 * its highlight, so only a failure stays, as an alert to be read.
 */
function useReject(onReject: () => Promise<boolean>) {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const click = () => {
    setState('busy');
    void onReject()
      .catch(() => false)
      .then((done) => setState(done ? 'idle' : 'failed'));
  };
  const failure = state === 'failed' && (
    <span class="cl-reject-error" role="alert">
      {t('notThisClaimFailed')}
    </span>
  );
  return { busy: state === 'busy', click, failure };
}

/** "Not this claim" on one passage of another source: small, beside the passage, named after its source for screen readers. */
function RejectPassage({ item, onReject }: { item: SourceQuote; onReject: () => Promise<boolean> }) {
  const { busy, click, failure } = useReject(onReject);
  return (
    <span class="cl-passage-reject">
      <button
        type="button"
        class="cl-reject cl-reject-source"
        title={t('notThisSourceHelp')}
        aria-label={t('notThisSourceLabel', item.title)}
        disabled={busy}
        onClick={click}
      >
        {t('notThisClaim')}
      </button>
      {failure}
    </span>
  );
}

/** The list of other sources; a note when there are none. */
export function OtherSources({ items, hrefFor, openReader, rejectPassage }: Props) {
  if (items.length === 0) return <p class="cl-source-meta">{t('cardNoOtherSources')}</p>;
  return (
    <ul class="cl-sources">
      {items.map((item) => (
        <li class="cl-source" key={item.sourceId} data-source={item.sourceId}>
          <div class="cl-source-title">{item.title}</div>
          <div class="cl-source-meta">
            {[item.date, item.byline].filter(Boolean).join(' · ')}
            {item.readOn && (item.date || item.byline) && ' · '}
            {item.readOn && <span class="cl-read-on">{t('sourceReadOn', item.readOn)}</span>}
          </div>
          {item.passages.slice(0, MAX_PASSAGES).map((passage) => (
            <div class="cl-passage" key={passage.text}>
              <LangTag lang={passage.lang} />
              {passage.confirmed && <ConfirmedMark />}
              <a
                class="cl-source-link"
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
                {/* lang lets screen readers pronounce, and browsers hyphenate, the passage in its own language. */}
                <blockquote class={passage.quoted ? 'cl-quote cl-quoted' : 'cl-quote'} lang={passage.lang}>
                  {passage.text}
                </blockquote>
              </a>
              {rejectPassage && item.rejectable && !passage.confirmed && <RejectPassage item={item} onReject={() => rejectPassage(item, passage)} />}
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}
