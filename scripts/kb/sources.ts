/** Checks sources.json against the corpus: every source has its text, and its metadata is borne out by that text. */
import type { Lang, Source } from '../../shared/kb/types.ts';
import {
  checkId,
  checkKnownFields,
  compareIds,
  entriesOf,
  isObject,
  itemName,
  oneOf,
  optionalString,
  requireString,
} from './check.ts';
import { fail, warn, clip, type Problem, type Where } from './problems.ts';

const LANGS: readonly Lang[] = ['de', 'en'];
const DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

/** The valid sources, sorted by id, each with its full text from corpus/<id>.txt. */
export function checkSources(raw: unknown, texts: Map<string, string>, file: string, problems: Problem[]): Source[] {
  const seen = new Set<string>();
  const sources: Source[] = [];
  entriesOf(raw, { problems, file }).forEach((o, index) => {
    const source = checkSource(o, texts, { problems, file, item: itemName('source', o, index) }, seen);
    if (source) sources.push(source);
  });
  for (const id of texts.keys()) {
    if (!seen.has(id)) warn({ problems, file }, `corpus file ${id}.txt has no entry, so it is left out of the KB`);
  }
  return sources.sort((a, b) => compareIds(a.id, b.id));
}

function checkSource(o: unknown, texts: Map<string, string>, where: Where, seen: Set<string>): Source | undefined {
  if (!isObject(o)) return void fail(where, 'expected an object');
  checkKnownFields(o, ['id', 'title', 'date', 'byline', 'lang', 'url'], where);
  const id = checkId(o, where, seen, false);
  const title = requireString(o, 'title', where);
  const date = requireString(o, 'date', where);
  const lang = oneOf(o, 'lang', LANGS, where);
  const byline = optionalString(o, 'byline', where);
  const url = optionalString(o, 'url', where);
  if (date !== undefined && !DATE.test(date)) fail(where, `date ${JSON.stringify(date)} is not YYYY-MM or YYYY-MM-DD`);
  const text = id === undefined ? undefined : texts.get(id);
  if (id !== undefined && text === undefined) fail(where, `no corpus file ${id}.txt for this source`);
  if (text !== undefined) {
    // The text is the only evidence we have for the metadata: anything it does not say was invented.
    if (title !== undefined && !text.includes(title)) fail(where, `title ${clip(title)} not found verbatim in ${id}.txt`);
    if (byline !== undefined && !text.includes(byline)) fail(where, `byline ${clip(byline)} not found verbatim in ${id}.txt`);
  }
  if (!id || !title || !date || !DATE.test(date) || !lang || text === undefined) return undefined;
  // Optional fields only when present; the long text last, so kb.json reads metadata first.
  return {
    id,
    title,
    date,
    ...(byline !== undefined && { byline }),
    lang,
    ...(url !== undefined && { url }),
    text,
  };
}
