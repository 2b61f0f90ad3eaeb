import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importError } from '../background/import-check.ts';
import { explainError, type Translate } from './explain-error.ts';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** browser.i18n.getMessage's substitution rules over one locale file. */
function translator(lang: 'en' | 'de'): Translate {
  const messages = JSON.parse(readFileSync(join(import.meta.dirname, '..', '_locales', lang, 'messages.json'), 'utf8')) as Messages;
  return (name, ...subs) => {
    const m = messages[name];
    if (!m) throw new Error(`no message ${name}`);
    return m.message.replace(/\$([A-Z_]+)\$/g, (_, p: string) => {
      const content = m.placeholders?.[p.toLowerCase()]?.content ?? '';
      return String(subs[Number(content.slice(1)) - 1] ?? '');
    });
  };
}

const en = translator('en');
const de = translator('de');

/** A minimal file the checker accepts, to break one field at a time. */
function goodFile() {
  return {
    format: 'crossread-export',
    formatVersion: 1,
    exported: '2026-12-02T00:00:00Z',
    kb: { format: 1, version: 'v', sources: [], entities: [], claims: [], concepts: [] },
    user: {
      annotations: [
        {
          id: 1,
          url: 'https://example.org/a',
          title: 'A',
          created: 1,
          modified: 1,
          note: 'n',
          selectors: [
            { type: 'TextQuoteSelector', exact: 'abc', prefix: '', suffix: '' },
            { type: 'TextPositionSelector', start: 0, end: 3 },
          ],
        },
      ],
      claims: [],
      sources: [],
      occurrences: [],
      settings: { disabledSites: [], hoverDelayMs: 500, recordReading: true },
    },
  };
}

/** What the options page shows for a file the background's checker refuses. */
function shown(file: unknown, t: Translate): string {
  const raw = importError(file);
  expect(raw).not.toBeNull();
  return explainError(`data.import: ${raw}`, t);
}

describe('explainError', () => {
  it('names an unknown field and where it is, in both languages', () => {
    const file = { ...goodFile(), hello: 1 };
    expect(shown(file, en)).toBe('This file has a field Crossread does not know: "hello" (at the top level of the file).');
    expect(shown(file, de)).toBe('Diese Datei enthält ein Feld, das Crossread nicht kennt: „hello“ (auf der obersten Ebene der Datei).');
  });

  it('counts entries from one, as a person does, and names the list in words', () => {
    const file = goodFile();
    (file.user.annotations[0] as { note: unknown }).note = 5;
    expect(shown(file, en)).toBe('The field "note" should hold text (in entry 1 of your annotations).');
    expect(shown(file, de)).toBe('Das Feld „note“ sollte Text enthalten (im Eintrag 1 von Ihren Annotationen).');
  });

  it('says a passage whose position and quote disagree, without selector jargon', () => {
    const file = goodFile();
    file.user.annotations[0]!.selectors[1] = { type: 'TextPositionSelector', start: 0, end: 9 };
    const text = shown(file, en);
    expect(text).toBe("A passage's position in its page does not match its quoted text (in entry 1 of your annotations).");
  });

  it('tells a file that is not an export at all, or from another version', () => {
    expect(shown([1, 2], en)).toBe('This file is not a Crossread export.');
    expect(shown({ ...goodFile(), format: 'other' }, en)).toBe('This file is not a Crossread export.');
    expect(shown({ ...goodFile(), formatVersion: 2 }, en)).toBe('This export was written by a version of Crossread this one cannot read.');
  });

  it('explains missing fields, ranges, duplicates and dangling references', () => {
    const missing = goodFile() as Record<string, unknown>;
    delete (missing.user as Record<string, unknown>).settings;
    expect(shown(missing, en)).toBe('The field "settings" is missing (in the part of the file that holds your data).');

    const slow = goodFile();
    slow.user.settings.hoverDelayMs = 99_999;
    expect(shown(slow, en)).toBe('The field "hoverDelayMs" should lie between 200 and 2000 (in your settings).');

    const twice = goodFile();
    twice.user.annotations.push(structuredClone(twice.user.annotations[0]!));
    expect(shown(twice, en)).toBe('The id 1 appears twice in your annotations.');

    const dangling = goodFile();
    (dangling.user.annotations[0] as { claimId?: string }).claimId = 'nope';
    expect(shown(dangling, en)).toBe('An annotation refers to a claim the file does not contain: "nope" (in entry 1 of your annotations).');
  });

  it('puts storage failures in plain words, and keeps an unknown error readable rather than hiding it', () => {
    expect(explainError('data.import: the disk is full (storage quota exceeded); nothing was saved', en)).toBe(
      "There is not enough storage space left for Crossread (the browser's storage quota is used up).",
    );
    expect(explainError('data.clear: something odd', en)).toBe('something odd');
  });

  it('never lets an internal path through for any field the checker can name', () => {
    const breakers: Array<(f: ReturnType<typeof goodFile>) => void> = [
      (f) => ((f.kb as Record<string, unknown>).sources = 'x'),
      (f) => ((f.user.annotations[0] as Record<string, unknown>).url = ''),
      (f) => ((f.user.annotations[0] as Record<string, unknown>).id = 1.5),
      (f) => ((f.user.settings as Record<string, unknown>).recordReading = 'yes'),
      (f) => ((f.user as Record<string, unknown>).claims = [{ id: 'c', statement: 's', about: [], created: 1 }]),
    ];
    for (const breakIt of breakers) {
      const f = goodFile();
      breakIt(f);
      for (const t of [en, de]) expect(shown(f, t)).not.toMatch(/file\.|user\.|kb\.|\[\d+\]|expected an?\b/);
    }
  });
});
