/**
 * The selection toolbar: add a note, mark the passage as stating a known claim (search, pick), or record a new
 * claim (statement, speaker, entities). Props in, callbacks out; the container does the I/O.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClaimChoice, EntityChoice } from '../../../shared/messages.ts';
import { t } from '../../ui/i18n.ts';
import { readerError } from '../../ui/reader-error.ts';

/** What the toolbar asks of its container. */
export interface ToolbarActions {
  saveNote(note: string): Promise<string | null>;
  searchClaims(query: string): Promise<ClaimChoice[]>;
  pickClaim(claimId: string): Promise<string | null>;
  searchEntities(query: string): Promise<EntityChoice[]>;
  createClaim(statement: string, speaker: string | undefined, about: string[]): Promise<string | null>;
  close(): void;
}

type Mode = 'menu' | 'note' | 'claim' | 'new';

function useSearch<T>(query: string, search: (q: string) => Promise<T[]>): T[] {
  const [found, setFound] = useState<T[]>([]);
  // A new query searches again; a new search function (a parent's render) alone does not.
  const latest = useRef(search);
  latest.current = search;
  useEffect(() => {
    let live = true;
    void latest.current(query).then((r) => live && setFound(r));
    return () => {
      live = false;
    };
  }, [query]);
  return found;
}

/**
 * Focuses the element a form opens with. The autofocus attribute is not enough: Firefox ignores it on elements
 * inserted after the page loaded (and inside a shadow root), so what the reader typed went to the page.
 */
function useFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus({ preventScroll: true }), []);
  return ref;
}

function NoteForm({ actions, onError }: { actions: ToolbarActions; onError: (e: string) => void }) {
  const [note, setNote] = useState('');
  const box = useFocus<HTMLTextAreaElement>();
  const save = async () => onError((await actions.saveNote(note.trim())) ?? '');
  return (
    <div class="cl-form">
      <textarea class="cl-note" aria-label={t('annotateNote')} value={note} onInput={(e) => setNote(e.currentTarget.value)} ref={box} />
      <button type="button" class="cl-save" disabled={!note.trim()} onClick={save}>
        {t('annotateSave')}
      </button>
    </div>
  );
}

function ClaimPicker({ actions, onError }: { actions: ToolbarActions; onError: (e: string) => void }) {
  const [query, setQuery] = useState('');
  const found = useSearch(query, actions.searchClaims);
  const box = useFocus<HTMLInputElement>();
  return (
    <div class="cl-form">
      <input class="cl-claim-search" type="search" aria-label={t('annotateSearchClaims')} placeholder={t('annotateSearchClaims')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} ref={box} />
      <ul class="cl-choices">
        {found.map((c) => (
          <li key={c.id}>
            <button type="button" class="cl-choice" data-claim={c.id} onClick={async () => onError((await actions.pickClaim(c.id)) ?? '')}>
              {c.statement}
            </button>
          </li>
        ))}
      </ul>
      {found.length === 0 && <p class="cl-muted">{t('annotateNoClaims')}</p>}
    </div>
  );
}

function EntityField({ label, search, onPick }: { label: string; search: (q: string) => Promise<EntityChoice[]>; onPick: (e: EntityChoice) => void }) {
  const [query, setQuery] = useState('');
  const found = useSearch(query, search);
  return (
    <label class="cl-field">
      {label}
      <input type="search" class="cl-entity-search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      <span class="cl-chips">
        {query &&
          found.slice(0, 5).map((e) => (
            <button type="button" key={e.id} class="cl-chip" data-entity={e.id} onClick={() => (onPick(e), setQuery(''))}>
              {e.name}
            </button>
          ))}
      </span>
    </label>
  );
}

function NewClaimForm({ actions, onError }: { actions: ToolbarActions; onError: (e: string) => void }) {
  const [statement, setStatement] = useState('');
  const [speaker, setSpeaker] = useState<EntityChoice | null>(null);
  const [about, setAbout] = useState<EntityChoice[]>([]);
  const box = useFocus<HTMLInputElement>();
  const save = async () => onError((await actions.createClaim(statement.trim(), speaker?.id, about.map((e) => e.id))) ?? '');
  return (
    <div class="cl-form">
      <label class="cl-field">
        {t('annotateStatement')}
        <input class="cl-statement" value={statement} onInput={(e) => setStatement(e.currentTarget.value)} ref={box} />
      </label>
      <EntityField label={t('annotateSpeaker')} search={actions.searchEntities} onPick={setSpeaker} />
      {speaker && <p class="cl-picked">{speaker.name}</p>}
      <EntityField label={t('annotateAbout')} search={actions.searchEntities} onPick={(e) => setAbout((a) => [...a.filter((x) => x.id !== e.id), e])} />
      {about.length > 0 && <p class="cl-picked">{about.map((e) => e.name).join(', ')}</p>}
      <button type="button" class="cl-save" disabled={!statement.trim()} onClick={save}>
        {t('annotateSave')}
      </button>
    </div>
  );
}

/** The toolbar for one selection. */
export function Toolbar({ actions }: { actions: ToolbarActions }) {
  const [mode, setMode] = useState<Mode>('menu');
  const [error, setError] = useState('');
  const form = { actions, onError: setError };
  return (
    <div class="cl-toolbar" role="dialog" aria-label={t('annotateTitle')} onKeyDown={(e) => e.key === 'Escape' && actions.close()}>
      {mode === 'menu' ? (
        <div class="cl-menu">
          <button type="button" class="cl-act-note" onClick={() => setMode('note')}>
            {t('annotateNote')}
          </button>
          <button type="button" class="cl-act-claim" onClick={() => setMode('claim')}>
            {t('annotateKnownClaim')}
          </button>
          <button type="button" class="cl-act-new" onClick={() => setMode('new')}>
            {t('annotateNewClaim')}
          </button>
        </div>
      ) : (
        <>
          {mode === 'note' && <NoteForm {...form} />}
          {mode === 'claim' && <ClaimPicker {...form} />}
          {mode === 'new' && <NewClaimForm {...form} />}
          <button type="button" class="cl-cancel" onClick={actions.close}>
            {t('annotateCancel')}
          </button>
        </>
      )}
      {error && (
        <p class="cl-error" role="alert">
          {t('annotateError', readerError(error, t))}
        </p>
      )}
    </div>
  );
}
