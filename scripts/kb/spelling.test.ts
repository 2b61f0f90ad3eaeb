import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STOPWORDS } from '../../shared/match/stopwords.ts';
import { words } from '../../shared/text/tokenize.ts';
import { buildKb } from './build.ts';
import { commonWords, respellings, spellingVariants, toEnglish, toGerman } from './spelling.ts';
import type { Entity } from '../../shared/kb/types.ts';

describe('transliteration rules', () => {
  it('turns German spellings of Russian names into English ones', () => {
    expect(['Wladimir', 'Peskow', 'Sinowjew', 'Chruschtschow', 'Tichonow', 'Dmitrij', 'Jurij'].map(toEnglish)).toEqual([
      'Vladimir',
      'Peskov',
      'Sinovyev',
      'Khrushchov',
      'Tikhonov',
      'Dmitriy',
      'Yuriy',
    ]);
  });
  it('turns English spellings into German ones, the Russian Z into S', () => {
    expect(['Vladimir', 'Peskov', 'Tikhonov', 'Yuri'].map(toGerman)).toEqual(['Wladimir', 'Peskow', 'Tichonow', 'Juri']);
    expect(respellings('Zinoviev')).toContain('Sinowjew');
  });
  it('leaves words without signs of either alone', () => {
    expect(respellings('Putin')).toEqual(['Putin']);
    expect(respellings('Kim')).toEqual(['Kim']);
  });
});

const person = (id: string, de: string, en: string, aliases: string[]): Entity => ({
  id,
  type: 'person',
  name: { de, en },
  description: { de: '', en: '' },
  aliases,
});

describe('spellingVariants', () => {
  it('respells the name words of a Russian name, not its titles, and never into a taken or common word', () => {
    const peskov = person('dmitry-peskov', 'Dmitri Peskow', 'Dmitry Peskov', ['Dmitri Peskow', 'Kremlsprecher']);
    expect(spellingVariants(peskov, new Set(), new Set(STOPWORDS))).toContain('Dmitri Peskov');
    const variants = spellingVariants(peskov, new Set(['dmitri peskov']), new Set(STOPWORDS));
    expect(variants).not.toContain('Dmitri Peskov');
    expect(variants.some((v) => v.startsWith('Kreml'))).toBe(false);
  });
  it('leaves names spelled alike in both languages (Korean ones) alone', () => {
    expect(spellingVariants(person('kim-jong-un', 'Kim Jong Un', 'Kim Jong Un', ['Kim Jong Un']), new Set(), new Set())).toEqual([]);
  });
});

describe('the built knowledge base', () => {
  const { kb } = buildKb(join(import.meta.dirname, '../../shared/kb'));
  const owners = new Map<string, Set<string>>();
  for (const e of kb.entities) {
    for (const a of [...e.aliases, ...(e.shortForms ?? [])]) {
      const key = words(a).join(' ');
      owners.set(key, new Set([...(owners.get(key) ?? []), e.id]));
    }
  }

  it('finds German spellings the curated file does not list', () => {
    const aliasesOf = (id: string) => kb.entities.find((e) => e.id === id)!.aliases;
    expect(aliasesOf('vladimir-tikhonov')).toContain('Wladimir Tikhonov');
    expect(aliasesOf('dmitry-peskov')).toContain('Dmitry Peskow');
    expect(aliasesOf('nikita-khrushchev')).toContain('Chruschtschew');
    expect(aliasesOf('georgy-zinoviev')).toContain('Georgi Zinoviev');
  });

  it('gives no generated alias to two entities and makes no common word a name', () => {
    const curated = JSON.parse(readFileSync(join(import.meta.dirname, '../../shared/kb/entities.json'), 'utf8')) as Entity[];
    const listed = new Set(curated.flatMap((e) => [...e.aliases, ...(e.shortForms ?? [])].map((a) => words(a).join(' '))));
    const generated = [...owners.keys()].filter((key) => !listed.has(key));
    expect(generated.length).toBeGreaterThan(10);
    const common = commonWords(kb.sources.map((s) => s.text));
    for (const key of generated) {
      expect([...owners.get(key)!], key).toHaveLength(1);
      expect(key.split(' ').every((w) => common.has(w)), key).toBe(false);
    }
  });
});
