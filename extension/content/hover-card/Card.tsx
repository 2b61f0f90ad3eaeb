/** The card's frame: a labelled, hoverable, dismissable box around an entity or claim card. */
import type { ComponentChildren } from 'preact';
import { t } from '../../ui/i18n.ts';

interface Props {
  label: string;
  onClose: () => void;
  children: ComponentChildren;
}

/** A non-modal dialog: it neither traps focus nor blocks the page, and Escape (handled by the hover logic) closes it. */
export function Card({ label, onClose, children }: Props) {
  return (
    <div class="cl-card" role="dialog" aria-label={label} tabIndex={-1}>
      <button type="button" class="cl-close" aria-label={t('cardClose')} title={t('cardClose')} onClick={onClose}>
        ×
      </button>
      {children}
    </div>
  );
}
