/** Checks lexicon.json: concepts with unique ids and, in each language, at least one non-empty term. */
import type { Concept } from '../../shared/kb/types.ts';
import {
  checkId,
  checkKnownFields,
  compareIds,
  entriesOf,
  type Fields,
  isObject,
  itemName,
  stringList,
} from './check.ts';
import { fail, type Problem, type Where } from './problems.ts';

/** The valid concepts, sorted by id. Accepts a bare array or `{"concepts": [...]}`. */
export function checkLexicon(raw: unknown, file: string, problems: Problem[]): Concept[] {
  const list = isObject(raw) && 'concepts' in raw ? raw.concepts : raw;
  const seen = new Set<string>();
  const concepts: Concept[] = [];
  entriesOf(list, { problems, file }).forEach((o, index) => {
    const concept = checkConcept(o, { problems, file, item: itemName('concept', o, index) }, seen);
    if (concept) concepts.push(concept);
  });
  return concepts.sort((a, b) => compareIds(a.id, b.id));
}

function checkConcept(o: unknown, where: Where, seen: Set<string>): Concept | undefined {
  if (!isObject(o)) return void fail(where, 'expected an object');
  checkKnownFields(o, ['id', 'de', 'en'], where);
  // types.ts asks kebab-case of entity and claim ids only; concept ids never leave the matcher.
  const id = checkId(o, where, seen, false);
  const de = terms(o, 'de', where);
  const en = terms(o, 'en', where);
  return id && de && en ? { id, de, en } : undefined;
}

/** An empty term would match every token, which silently turns a concept into noise. */
function terms(o: Fields, lang: 'de' | 'en', where: Where): string[] | undefined {
  const v = o[lang];
  const list = stringList(o, lang, where, true);
  const ok = Array.isArray(v) && v.length > 0 && list.length === v.length;
  for (const term of list) if (!/[\p{L}\p{N}]/u.test(term)) fail(where, `"${lang}" term ${JSON.stringify(term)} has no letters`);
  return ok ? list : undefined;
}
