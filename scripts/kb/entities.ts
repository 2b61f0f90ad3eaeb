/** Checks entities.json: fields, ids, references between entities, and aliases that two entities both claim. */
import type { Entity, EntityType } from '../../shared/kb/types.ts';
import { words } from '../../shared/text/tokenize.ts';
import {
  bilingual,
  checkId,
  checkKnownFields,
  compareIds,
  entriesOf,
  isObject,
  itemName,
  oneOf,
  sortUnique,
  stringList,
} from './check.ts';
import { fail, warn, type Problem, type Where } from './problems.ts';

const TYPES: readonly EntityType[] = ['person', 'country', 'city', 'region', 'place', 'organization', 'agency'];

/**
 * The valid entities of entities.json, sorted by id, with their aliases expanded; `ids` also holds the ids of
 * invalid entries, so that one broken entity is reported once, not again by every claim that names it.
 */
export function checkEntities(raw: unknown, file: string, problems: Problem[]): { entities: Entity[]; ids: Set<string> } {
  const seen = new Set<string>();
  const entities: Entity[] = [];
  entriesOf(raw, { problems, file }).forEach((o, index) => {
    const where = { problems, file, item: itemName('entity', o, index) };
    const entity = checkEntity(o, where, seen);
    if (entity) entities.push(entity);
  });
  entities.sort((a, b) => compareIds(a.id, b.id));
  checkContextRefs(entities, seen, file, problems);
  checkAliasClashes(entities, file, problems);
  return { entities, ids: seen };
}

function checkEntity(o: unknown, where: Where, seen: Set<string>): Entity | undefined {
  if (!isObject(o)) return void fail(where, 'expected an object');
  checkKnownFields(o, ['id', 'type', 'name', 'description', 'aliases', 'shortForms', 'context', 'block', 'standsFor'], where);
  const id = checkId(o, where, seen);
  const type = oneOf(o, 'type', TYPES, where);
  const name = bilingual(o, 'name', where);
  const description = bilingual(o, 'description', where);
  const aliases = stringList(o, 'aliases', where, true);
  const shortForms = stringList(o, 'shortForms', where, false);
  const context = stringList(o, 'context', where, false);
  const block = stringList(o, 'block', where, false);
  const standsFor = o.standsFor;
  if (standsFor !== undefined && typeof standsFor !== 'string') fail(where, 'standsFor must be an entity id');
  for (const alias of [...aliases, ...shortForms]) {
    if (words(alias).length === 0) fail(where, `alias ${JSON.stringify(alias)} has no letters or digits to match`);
  }
  if (!id || !type || !name || !description || aliases.length === 0) return undefined;
  const entity: Entity = { id, type, name, description, aliases: expandAliases(aliases) };
  // Optional fields only when present, so kb.json does not fill up with empty arrays.
  if (shortForms.length > 0) entity.shortForms = sortUnique(shortForms);
  if (context.length > 0) entity.context = sortUnique(context);
  if (block.length > 0) entity.block = sortUnique(block);
  if (typeof standsFor === 'string') entity.standsFor = standsFor;
  return entity;
}

/**
 * Adds the space variant of each hyphenated alias (`Kim Jong-un` → `Kim Jong un`): the matcher's tokens make the
 * two equal anyway, but the extension's database looks aliases up as plain strings.
 */
function expandAliases(aliases: string[]): string[] {
  const all = [...aliases];
  for (const a of aliases) if (/[-‐‑–]/.test(a)) all.push(a.replace(/\s*[-‐‑–]\s*/g, ' '));
  return sortUnique(all);
}

function checkContextRefs(entities: Entity[], ids: Set<string>, file: string, problems: Problem[]): void {
  for (const e of entities) {
    for (const ref of e.context ?? []) {
      if (!ids.has(ref)) fail({ problems, file, item: `entity "${e.id}"` }, `context names unknown entity "${ref}"`);
    }
    const target = e.standsFor;
    if (target !== undefined && (!ids.has(target) || target === e.id)) {
      fail({ problems, file, item: `entity "${e.id}"` }, `standsFor names ${target === e.id ? 'the entity itself' : `unknown entity "${target}"`}`);
    }
  }
}

/** Two entities answering to the same words would make the matcher pick one at random; shortForms are meant to be shared. */
function checkAliasClashes(entities: Entity[], file: string, problems: Problem[]): void {
  const owner = new Map<string, { id: string; alias: string }>();
  for (const e of entities) {
    for (const alias of e.aliases) {
      const key = words(alias).join(' ');
      const other = owner.get(key);
      if (other === undefined) owner.set(key, { id: e.id, alias });
      else if (other.id !== e.id) {
        const as = other.alias === alias ? '' : ` (as ${JSON.stringify(other.alias)})`;
        fail({ problems, file, item: `entity "${e.id}"` }, `alias ${JSON.stringify(alias)} is also an alias of "${other.id}"${as}`);
      }
    }
  }
  for (const e of entities) {
    for (const form of e.shortForms ?? []) {
      const other = owner.get(words(form).join(' '));
      if (other !== undefined && other.id !== e.id) {
        const why = `short form ${JSON.stringify(form)} is an alias of "${other.id}", so it will always resolve there`;
        warn({ problems, file, item: `entity "${e.id}"` }, why);
      }
    }
  }
}
