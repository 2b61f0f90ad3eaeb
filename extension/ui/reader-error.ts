/**
 * The background's errors in the reader's words, for every view that shows one (card, toolbar, sidebar, reader,
 * options). The background names what went wrong for a log: the call ("annotation.save: …"), a parameter's path
 * ("params.note: longer than 100000 characters"), an internal id ('no claim "learned:x1"'). None of that is
 * shown: each kind becomes a sentence in the UI language. Pure: the message lookup comes in as `t`.
 */
import type { MessageName } from './i18n.ts';

/** A UI-string lookup (ui/i18n.ts `t`, or a stand-in in tests). */
export type Translate = (name: MessageName, ...substitutions: (string | number)[]) => string;

/** The call's name the receiver puts first ("claim.details: "), or the browser's own prefix ("Error: "). */
const CALL_PREFIX = /^(?!params\.)[a-z]+\.[a-zA-Z]+: /;

/** Parameters the reader typed or chose, by the name the call gives them. */
const FIELDS: Record<string, MessageName> = {
  note: 'errorFieldNote',
  statement: 'errorFieldStatement',
  text: 'errorFieldText',
  title: 'errorFieldTitle',
  query: 'errorFieldQuery',
  quote: 'errorFieldPassage',
  passage: 'errorFieldPassage',
};

/** Failures of storage the background already words (background/handlers.ts describeStorageError). */
function storage(text: string, t: Translate): string {
  if (text.includes('the disk is full')) return t('errorDiskFull');
  if (text.includes('another connection blocks it')) return t('errorDatabaseBlocked');
  if (text.includes('(IndexedDB) is unavailable')) return t('errorNoDatabase');
  return '';
}

/** A lookup of something that is not there (background/queries.ts NotFound): what it was, never its id. */
function missing(text: string, t: Translate): string {
  const m = /^no (claim|entity|source|annotation)\b/.exec(text);
  if (!m) return '';
  const name = ({ claim: 'errorNoClaim', entity: 'errorNoEntity', source: 'errorNoSource', annotation: 'errorNoAnnotation' } as const)[m[1] as 'claim'];
  return t(name);
}

/** A parameter the check refused (shared/rpc/schema.ts): which of the reader's fields, and what is wrong. */
function refusedParameter(text: string, t: Translate): string {
  const m = /^params(?:\.([\w.[\]]+))?: (.+)$/.exec(text);
  if (!m) return '';
  const last = (m[1] ?? '').split(/[.[\]]+/).filter((s) => s && !/^\d+$/.test(s)).pop() ?? '';
  const field = t(FIELDS[last] ?? 'errorFieldOther');
  const long = /^longer than (\d+) characters$/.exec(m[2]!);
  if (long) return t('errorTooLong', field, Number(long[1]).toLocaleString());
  if (/^expected at least \d+ characters$/.test(m[2]!)) return t('errorEmpty', field);
  if (/^more than \d+ items$/.test(m[2]!)) return t('errorTooMany', field);
  return t('errorNotAccepted', field);
}

/** A background error as the reader reads it. Errors of no known kind keep their words, without the call's name. */
export function readerError(raw: string, t: Translate): string {
  const text = raw.replace(/^Error: /, '').replace(CALL_PREFIX, '');
  if (/Receiving end does not exist|Could not establish connection|No matching message handler/i.test(text)) return t('errorNoContentScript');
  if (/^refused, only /.test(text)) return t('errorRefused');
  return storage(text, t) || missing(text, t) || refusedParameter(text, t) || text;
}
