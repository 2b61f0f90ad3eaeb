/**
 * "Your annotations": the user's annotations of the tab's page, each with its passage and note, editable and
 * deletable; those the page no longer holds are listed as orphaned, never dropped.
 */
import { useEffect, useState } from 'preact/hooks';
import { pageKey, USER_CLAIM_PREFIX, type UserAnnotation } from '../../shared/userdata/types.ts';
import { t, uiLang } from '../ui/i18n.ts';
import { pick } from '../ui/kb-text.ts';
import { send, sendToTab as toTab, watchTabs } from './connect.ts';

/**
 * The statement of the claim an annotation marks, in the UI language; never its id. A claim the reader recorded
 * is looked up among the reader's own claims; one that cannot be found is named as a claim the reader recorded.
 */
function ClaimStatement({ claimId }: { claimId: string }) {
  const [statement, setStatement] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const lang = uiLang();
    const ask = claimId.startsWith(USER_CLAIM_PREFIX)
      ? // The reader's own claims are listed (newest first) by the toolbar's search; an empty query lists them all.
        send('claims.search', { query: '', lang }).then((r) => (r.ok ? (r.value.find((c) => c.id === claimId)?.statement ?? '') : ''))
      : send('claim.details', { id: claimId }).then((r) => (r.ok ? pick(r.value.claim.statement, lang) : ''));
    void ask.then((text) => live && setStatement(text));
    return () => {
      live = false;
    };
  }, [claimId]);
  if (statement === null) return null;
  return <p class="muted states">{statement ? t('sidebarStates', statement) : t('sidebarStatesUnknown')}</p>;
}

function Item({ a, orphan, onChanged, tabId }: { a: UserAnnotation; orphan: boolean; onChanged: () => void; tabId: number }) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(a.note);
  const save = async () => {
    const { created: _c, modified: _m, ...input } = a;
    const r = await send('annotation.save', { ...input, note: note.trim() });
    if (r.ok) (setEditing(false), onChanged());
  };
  const remove = async () => {
    if ((await send('annotation.delete', { id: a.id as number })).ok) onChanged();
  };
  return (
    <li class={orphan ? 'annotation orphan' : 'annotation'} data-annotation={a.id}>
      <button type="button" class="quote" disabled={orphan} onClick={() => void toTab(tabId)('annotation.scrollTo', { id: a.id as number })}>
        {a.selectors?.[0]?.exact ?? ''}
      </button>
      {orphan && <p class="orphan-label">{t('sidebarOrphaned')}</p>}
      {a.claimId && <ClaimStatement claimId={a.claimId} />}
      {editing ? (
        <>
          <textarea class="note-edit" aria-label={t('annotateNote')} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          <button type="button" class="save" onClick={save}>{t('annotateSave')}</button>
        </>
      ) : (
        a.note && <p class="note">{a.note}</p>
      )}
      <div class="row">
        {!editing && <button type="button" class="edit" onClick={() => setEditing(true)}>{t('sidebarEdit')}</button>}
        <button type="button" class="delete" onClick={remove}>{t('sidebarDelete')}</button>
      </div>
    </li>
  );
}

/** The section for the page at `url` in tab `tabId`. */
export function Annotations({ tabId, url }: { tabId: number; url: string }) {
  const [items, setItems] = useState<UserAnnotation[]>([]);
  const [orphans, setOrphans] = useState<number[]>([]);
  const load = async () => {
    const [list, lost] = await Promise.all([send('annotations.list', { url: pageKey(url) }), toTab(tabId)('annotations.status', {})]);
    if (list.ok) setItems(list.value);
    // A page whose content script is not running places nothing: every annotation is shown as orphaned.
    setOrphans(lost.ok ? lost.value.orphans : list.ok ? list.value.map((a) => a.id as number) : []);
  };
  useEffect(() => {
    void load();
    return watchTabs((changed) => changed === tabId && void load());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load reads nothing but tabId and url
  }, [tabId, url]);
  const changed = async () => {
    await toTab(tabId)('annotations.refresh', {});
    await load();
  };
  return (
    <section class="annotations" aria-labelledby="annotations-heading">
      <h2 id="annotations-heading">{t('sidebarAnnotations')}</h2>
      {items.length === 0 ? (
        <p class="muted">{t('sidebarNoAnnotations')}</p>
      ) : (
        <ul class="annotation-list">
          {items.map((a) => (
            <Item key={a.id} a={a} orphan={orphans.includes(a.id as number)} onChanged={() => void changed()} tabId={tabId} />
          ))}
        </ul>
      )}
    </section>
  );
}
