/** One claim in the sidebar: its statement and page passage, a button to go there, and its other sources. */
import { useState } from 'preact/hooks';
import { t } from '../ui/i18n.ts';
import type { PassageLink } from '../ui/links.ts';
import type { Passage, SourceQuote } from '../ui/models.ts';
import { NotThisClaim, OtherSources } from '../ui/OtherSources.tsx';
import type { ClaimRow } from './model.ts';

/** What a claim row can do, passed down unchanged by the lists that hold rows (Findings, Stories). */
export interface RowActions {
  onScrollTo: (row: ClaimRow) => void;
  hrefFor: (link: PassageLink) => string;
  openReader: (item: SourceQuote, claimId: string) => void;
  /** "Not this claim" for this row's highlight; false if it failed. */
  onReject: (row: ClaimRow) => Promise<boolean>;
  /** "Not this claim" on a passage of a page the reader read, listed among the other sources; false if it failed. */
  onRejectSource: (row: ClaimRow, item: SourceQuote, passage: Passage) => Promise<boolean>;
}

interface Props extends RowActions {
  row: ClaimRow;
}

/** A claim row that unfolds into its occurrences in other sources. */
export function ClaimItem({ row, onScrollTo, hrefFor, openReader, onReject, onRejectSource }: Props) {
  const [open, setOpen] = useState(false);
  const panelId = `sources-${row.key.replace(/[^\w-]/g, '_')}`;
  return (
    <li class="claim">
      <button type="button" class="claim-main" onClick={() => onScrollTo(row)} title={t('sidebarScrollTo')}>
        <span class="claim-statement">{row.statement}</span>
        <span class="claim-passage">{row.passage}</span>
      </button>
      <NotThisClaim onReject={() => onReject(row)} />
      <button
        type="button"
        class="claim-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <span class="chevron" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        {t('sidebarOtherSources', row.others.length)}
        <span class="visually-hidden"> — {t(open ? 'sidebarHideSources' : 'sidebarShowSources')}</span>
      </button>
      {open && (
        <div id={panelId} class="claim-sources">
          <OtherSources items={row.others} hrefFor={hrefFor} openReader={(item) => openReader(item, row.claimId)} rejectPassage={(item, passage) => onRejectSource(row, item, passage)} />
        </div>
      )}
    </li>
  );
}
