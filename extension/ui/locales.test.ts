import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const dir = join(import.meta.dirname, '..', '_locales');
const load = (lang: string) => JSON.parse(readFileSync(join(dir, lang, 'messages.json'), 'utf8')) as Messages;
const placeholdersIn = (text: string) => [...text.matchAll(/\$([A-Z_]+)\$/g)].map((m) => m[1]?.toLowerCase()).sort();

describe('locales', () => {
  const en = load('en');
  const de = load('de');

  it('translate the same messages into German and English', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('declare every placeholder a message uses', () => {
    for (const messages of [en, de]) {
      for (const [name, m] of Object.entries(messages)) {
        expect(placeholdersIn(m.message), name).toEqual(Object.keys(m.placeholders ?? {}).sort());
      }
    }
  });

  it('keep the description within the Chrome Web Store limit of 132 characters', () => {
    for (const messages of [en, de]) expect(messages.extDescription?.message.length).toBeLessThanOrEqual(132);
  });

  it('cover every message name the UI code asks for', () => {
    const used = new Set<string>();
    const scan = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
        if (!/\.tsx?$/.test(entry.name) || entry.name.includes('.test.')) continue;
        const source = readFileSync(join(entry.parentPath, entry.name), 'utf8');
        for (const m of source.matchAll(/\bt\('([A-Za-z_]+)'/g)) used.add(m[1] as string);
      }
    };
    for (const folder of ['content', 'sidebar', 'reader', 'ui', 'options']) scan(join(dir, '..', folder));
    for (const name of used) expect(en, name).toHaveProperty(name);
  });
});
