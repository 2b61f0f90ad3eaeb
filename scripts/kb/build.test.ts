import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildKb } from './build.ts';
import { copyFixtureKb, editJson, FIXTURE_KB, writeRaw } from './fixtures/temp-kb.ts';
import { formatProblem } from './problems.ts';
import { serializeKb } from './write.ts';

/** The error lines a build of `dir` reports. */
function errorsOf(dir: string): string[] {
  return buildKb(dir).problems.filter((p) => p.level === 'error').map(formatProblem);
}

/** Builds a copy of the fixture KB with one JSON file changed. */
function errorsAfter(file: string, change: (data: any) => void): string[] {
  const dir = copyFixtureKb();
  editJson(dir, file, change);
  return errorsOf(dir);
}

describe('buildKb on valid data', () => {
  it('builds the fixture KB without problems, sorted by id', () => {
    const { kb, problems } = buildKb(FIXTURE_KB);
    expect(problems).toEqual([]);
    expect(kb.sources.map((s) => s.id)).toEqual(['alpha', 'beta']);
    expect(kb.entities.map((e) => e.id)).toEqual(['anna-berg', 'blauwal', 'nordstadt']);
    expect(kb.claims.map((c) => c.id)).toEqual(['berg-builds-for-next-generation', 'port-grows-by-two-quays']);
    expect(kb.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('gives the same bytes on every build, and a new version when the knowledge changes', () => {
    const first = serializeKb(buildKb(FIXTURE_KB).kb);
    expect(serializeKb(buildKb(FIXTURE_KB).kb)).toBe(first);
    const dir = copyFixtureKb();
    editJson(dir, 'claims.json', (claims) => claims.reverse());
    expect(serializeKb(buildKb(dir).kb)).toBe(first);
    editJson(dir, 'entities.json', (entities) => entities[0].aliases.push('Nordstadts'));
    expect(buildKb(dir).kb.version).not.toBe(buildKb(FIXTURE_KB).kb.version);
  });

  it('adds the space variant of hyphenated aliases', () => {
    const berg = buildKb(FIXTURE_KB).kb.entities.find((e) => e.id === 'anna-berg');
    expect(berg?.aliases).toEqual(['Anna Berg', 'Anna-Berg', 'Bürgermeisterin Berg']);
  });
});

describe('buildKb reports each problem on one line', () => {
  it('a quote not in its article, naming file, claim and quote', () => {
    const errors = errorsAfter('claims.json', (c) => (c[0].occurrences[1].quote = 'der Hafen werde bis 2027 um zwei Kais wachsen'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/claims\.json: claim "port-grows-by-two-quays", occurrence 2: quote not found verbatim/);
    expect(errors[0]).toContain(join('corpus', 'alpha.txt'));
    expect(errors[0]).toContain('"der Hafen werde bis 2027 um zwei Kais wachsen"');
    expect(errors[0]).toContain('then differs at "7 um zwei');
  });

  it('an unknown entity as speaker, in about, or in context', () => {
    expect(errorsAfter('claims.json', (c) => (c[0].speaker = 'hans-meer'))).toEqual([
      expect.stringMatching(/claim "port-grows-by-two-quays": refers to unknown entity "hans-meer"$/),
    ]);
    expect(errorsAfter('claims.json', (c) => c[1].about.push('suedstadt'))).toEqual([
      expect.stringMatching(/claim "berg-builds-for-next-generation": refers to unknown entity "suedstadt"$/),
    ]);
    expect(errorsAfter('entities.json', (e) => (e[1].context = ['hafen']))).toEqual([
      expect.stringMatching(/entity "anna-berg": context names unknown entity "hafen"$/),
    ]);
    expect(errorsAfter('entities.json', (e) => (e[1].standsFor = 'hafen'))).toEqual([
      expect.stringMatching(/entity "anna-berg": standsFor names unknown entity "hafen"$/),
    ]);
    expect(errorsAfter('entities.json', (e) => (e[1].standsFor = e[1].id))).toEqual([
      expect.stringMatching(/entity "anna-berg": standsFor names the entity itself$/),
    ]);
  });

  it('an alias two entities claim, even when spelt differently', () => {
    const errors = errorsAfter('entities.json', (e) => e[2].aliases.push('NORDSTADT'));
    expect(errors).toEqual([
      expect.stringMatching(/entity "nordstadt": alias "Nordstadt" is also an alias of "blauwal" \(as "NORDSTADT"\)$/),
    ]);
  });

  it('malformed JSON, with file and line', () => {
    const dir = copyFixtureKb();
    writeRaw(dir, 'entities.json', '[\n  { "id": "nordstadt", }\n]');
    expect(errorsOf(dir)).toEqual([`error: ${join(dir, 'entities.json')}: malformed JSON at line 2, column 24: trailing comma before "}"`]);
    writeRaw(dir, 'entities.json', '[\n  { "id": "nordstadt" ');
    expect(errorsOf(dir)).toEqual([`error: ${join(dir, 'entities.json')}: malformed JSON at line 2, column 23: expected "," or "}"`]);
  });

  it('a quote that occurs twice without a prefix, and a prefix that does not precede it', () => {
    expect(errorsAfter('claims.json', (c) => delete c[1].occurrences[0].prefix)).toEqual([
      expect.stringMatching(/occurrence 1: quote occurs 2 times in .*alpha\.txt; add a "prefix" to pick one/),
    ]);
    expect(errorsAfter('claims.json', (c) => (c[1].occurrences[0].prefix = 'Kosten. Berg meinte: '))).toEqual([
      expect.stringContaining(`prefix "Kosten. Berg meinte: " does not come right before the quote`),
    ]);
    const unique = (c: any) => (c[1].occurrences[0] = { source: 'alpha', quote: 'Kritiker warnen vor Kosten.' });
    expect(errorsAfter('claims.json', unique)).toEqual([]);
  });

  it('duplicate and non-kebab ids, missing fields, unknown sources', () => {
    expect(errorsAfter('entities.json', (e) => (e[1].id = 'nordstadt'))).toContainEqual(
      expect.stringMatching(/entity "nordstadt": duplicate id "nordstadt"$/),
    );
    expect(errorsAfter('claims.json', (c) => (c[0].id = 'Port_Grows'))).toEqual([
      expect.stringMatching(/claim "Port_Grows": id "Port_Grows" is not kebab-case/),
    ]);
    expect(errorsAfter('entities.json', (e) => delete e[0].type)).toEqual([
      expect.stringMatching(/entity "nordstadt": "type" must be one of person, .* \(missing\)$/),
    ]);
    expect(errorsAfter('claims.json', (c) => (c[0].statement = { de: 'Nur deutsch' }))).toEqual([
      expect.stringMatching(/claim "port-grows-by-two-quays" statement: missing "en"$/),
    ]);
    expect(errorsAfter('claims.json', (c) => (c[0].occurrences[0].source = 'gamma'))).toEqual([
      expect.stringMatching(/occurrence 1: unknown source "gamma"$/),
    ]);
  });

  it('source metadata the text does not bear out', () => {
    expect(errorsAfter('sources.json', (s) => (s[1].byline = 'AFP'))).toEqual([
      expect.stringMatching(/source "alpha": byline "AFP" not found verbatim in alpha\.txt$/),
    ]);
    expect(errorsAfter('sources.json', (s) => (s[0].title = 'Nordstadt plant drei neue Kais'))).toEqual([
      expect.stringMatching(/source "beta": title "Nordstadt plant drei neue Kais" not found verbatim/),
    ]);
  });

  it('a field types.ts does not know, as a warning that does not stop the build', () => {
    const dir = copyFixtureKb();
    editJson(dir, 'entities.json', (e) => (e[0].alias = ['Nordstädter']));
    const { problems } = buildKb(dir);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^warning: .*entities\.json: entity "nordstadt": unknown field "alias" is ignored \(known: id, type, /),
    ]);
  });

  it('lexicon concepts with duplicate ids or empty terms', () => {
    expect(errorsAfter('lexicon.json', (l) => (l[1].id = 'grow'))).toEqual([
      expect.stringMatching(/lexicon\.json: concept "grow": duplicate id "grow"$/),
    ]);
    expect(errorsAfter('lexicon.json', (l) => l[0].de.push(' '))).toEqual([
      expect.stringMatching(/concept "grow": "de" holds 1 empty or non-string value/),
    ]);
  });
});
