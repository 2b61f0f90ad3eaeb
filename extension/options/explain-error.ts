/**
 * Error messages in the reader's words. The background's checker names problems by path and in its own terms
 * ("data.import: file.user.annotations[2].note: expected a string"), which is right for a log and wrong for a
 * person: this turns each kind of problem into a sentence that says what is wrong and where, in the UI language.
 * Pure: the message lookup comes in as `t`.
 */
import type { MessageName } from '../ui/i18n.ts';
import { readerError } from '../ui/reader-error.ts';

/** A UI-string lookup (ui/i18n.ts `t`, or a stand-in in tests). */
export type Translate = (name: MessageName, ...substitutions: (string | number)[]) => string;

/** The lists of an export file that hold numbered entries, as the checker names them. */
const LISTS = ['kb.sources', 'kb.entities', 'kb.claims', 'kb.concepts', 'user.annotations', 'user.claims', 'user.sources', 'user.occurrences'] as const;
type List = (typeof LISTS)[number];

const listName = (list: List): MessageName => `importList_${list.replace('.', '_')}` as MessageName;

interface Place {
  /** The field the problem is in, as the file spells it; '' for the file as a whole. */
  field: string;
  /** Where that field is, in words. */
  where: string;
}

/** `file.user.annotations[2].selectors[1].end` → its keys and indexes, without the leading `file`. */
function steps(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out[0] === 'file' ? out.slice(1) : out;
}

/** Where the container of a field is: an entry of one of the lists, the settings, one half of the file, or the top. */
function whereIs(container: Array<string | number>, t: Translate): string {
  const [half, list, index] = container;
  const name = `${half}.${list}` as List;
  if (LISTS.includes(name) && typeof index === 'number') return t('importWhereEntry', index + 1, t(listName(name)));
  if (LISTS.includes(name)) return t('importWhereList', t(listName(name)));
  if (half === 'user' && list === 'settings') return t('importWhereSettings');
  if (half === 'kb') return t('importWhereKb');
  if (half === 'user') return t('importWhereUser');
  return t('importWhereTop');
}

/** The field a path ends in (the list's name when it ends in an index) and where it is. */
function place(path: string, t: Translate): Place {
  const all = steps(path);
  let end = all.length;
  while (end > 0 && typeof all[end - 1] === 'number') end--;
  const field = end > 0 ? String(all[end - 1]) : '';
  return { field, where: whereIs(all.slice(0, Math.max(0, end - 1)), t) };
}

/** One problem the shape checker (background/schema.ts) reports, in words. */
function shapeProblem(path: string, reason: string, t: Translate): string {
  const { field, where } = place(path, t);
  if (field === '' || field === 'format' || field === 'kb' || field === 'user') {
    if (reason !== 'unexpected field' && reason !== 'missing') return t('importNotExport');
  }
  if (field === 'formatVersion') return t('importOtherVersion');
  let m: RegExpExecArray | null;
  if (reason === 'unexpected field') return t('importUnknownField', field, where);
  if (reason === 'missing') return t('importMissingField', field, where);
  if (reason === 'expected a string') return t('importWantsText', field, where);
  if (reason === 'expected an integer') return t('importWantsWholeNumber', field, where);
  if (reason === 'expected a number') return t('importWantsNumber', field, where);
  if (reason === 'expected an array') return t('importWantsList', field, where);
  if (reason === 'expected an object') return t('importWantsGroup', field, where);
  if ((m = /^expected at least \d+ characters$/.exec(reason))) return t('importEmpty', field, where);
  if ((m = /^longer than (\d+) characters$/.exec(reason))) return t('importTooLong', field, m[1]!, where);
  if ((m = /^out of range (-?[\d.e+]+)\.\.(-?[\d.e+]+)$/.exec(reason))) return t('importOutOfRange', field, m[1]!, m[2]!, where);
  if ((m = /^more than (\d+) items$/.exec(reason))) return t('importTooMany', field, m[1]!, where);
  if ((m = /^expected one of (.+)$/.exec(reason))) return t('importNotOneOf', field, m[1]!, where);
  if (reason === 'position does not span the quote' || reason.startsWith('expected a TextQuoteSelector')) {
    return t('importBadPassage', place(`${path}.x`, t).where);
  }
  return '';
}

/** A problem the reference check (background/import-check.ts) reports, in words; '' if it is not one. */
function referenceProblem(rest: string, t: Translate): string {
  let m: RegExpExecArray | null;
  if ((m = /^(kb|user)\.(\w+): id (.+) appears twice$/.exec(rest)) && LISTS.includes(`${m[1]}.${m[2]}` as List)) {
    return t('importDuplicate', m[3]!, t(listName(`${m[1]}.${m[2]}` as List)));
  }
  if ((m = /^user\.claims: id (.+) must start with "(.+)"$/.exec(rest))) return t('importOwnClaimId', m[1]!, m[2]!);
  if ((m = /^(user\.annotations\[\d+\])\.claimId: no claim (.+)$/.exec(rest))) return t('importNoSuchClaim', m[2]!, place(`${m[1]}.claimId`, t).where);
  if ((m = /^(user\.occurrences\[\d+\]): unknown claim or source$/.exec(rest))) return t('importNoSuchClaimOrPage', place(`${m[1]}.x`, t).where);
  return '';
}

/** Storage failures the background already describes (background/handlers.ts describeStorageError). */
function storageProblem(text: string, t: Translate): string {
  if (text.includes('the disk is full')) return t('errorDiskFull');
  if (text.includes('another connection blocks it')) return t('errorDatabaseBlocked');
  if (text.includes('(IndexedDB) is unavailable')) return t('errorNoDatabase');
  return '';
}

/**
 * A background error as the reader should read it: what is wrong and where, without internal names. Errors of
 * no known kind keep their text after the call's name, so nothing is hidden.
 */
export function explainError(raw: string, t: Translate): string {
  const text = raw.replace(/^[a-z]+\.[a-zA-Z]+: /, '');
  const stored = storageProblem(text, t);
  if (stored) return stored;
  if (text.startsWith('file')) {
    const m = /^(file[\w.[\]]*): (.+)$/.exec(text);
    const said = m ? shapeProblem(m[1]!, m[2]!, t) : '';
    if (said) return said;
  }
  // Errors of other calls (a lookup, a refused parameter) as every view words them.
  return referenceProblem(text, t) || readerError(raw, t);
}
