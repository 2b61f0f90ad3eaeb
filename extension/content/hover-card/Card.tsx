/** The card's frame: a labelled, hoverable, dismissable box around an entity or claim card. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../ui/i18n.ts';

interface Props {
  label: string;
  onClose: () => void;
  children: ComponentChildren;
}

/** Pixels of content below the visible part that still count as "nothing more" (rounding of fractional sizes). */
const SLACK = 4;

/** Whether the box has content below what it shows; follows scrolling, resizing and content changes. */
function useMoreBelow(box: { current: HTMLElement | null }): boolean {
  const [more, setMore] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const check = () => setMore(el.scrollHeight - el.scrollTop - el.clientHeight > SLACK);
    check();
    el.addEventListener('scroll', check, { passive: true });
    // The container sets the card's height cap after rendering, and fuller source lists arrive later.
    const resized = new ResizeObserver(check);
    resized.observe(el);
    const changed = new MutationObserver(check);
    changed.observe(el, { childList: true, subtree: true, characterData: true });
    return () => {
      el.removeEventListener('scroll', check);
      resized.disconnect();
      changed.disconnect();
    };
  }, [box]);
  return more;
}

/** A non-modal dialog: it neither traps focus nor blocks the page, and Escape (handled by the hover logic) closes it. */
export function Card({ label, onClose, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const more = useMoreBelow(box);
  return (
    <div class="cl-card" role="dialog" aria-label={label} tabIndex={-1} ref={box}>
      <button type="button" class="cl-close" aria-label={t('cardClose')} title={t('cardClose')} onClick={onClose}>
        ×
      </button>
      {children}
      {more && (
        <div class="cl-more-cue">
          <button type="button" class="cl-more" onClick={() => box.current?.scrollBy({ top: box.current.clientHeight * 0.8 })}>
            {t('cardMoreBelow')} ↓
          </button>
        </div>
      )}
    </div>
  );
}
