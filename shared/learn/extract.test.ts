import { describe, expect, it } from 'vitest';
import { splitSentences } from '../text/sentences.ts';
import { tokenize } from '../text/tokenize.ts';
import { extractStatements, isBoilerplate } from './extract.ts';
import { findNames, looseKey } from './names.ts';

/** The statements of a text as [sentence, kinds, speaker] triples, for readable expectations. */
function statements(text: string, lang?: 'de' | 'en') {
  return extractStatements(text, lang).statements.map((s) => ({ text: s.text, kinds: s.kinds, speaker: s.speaker?.text }));
}

function names(text: string, lang: 'de' | 'en') {
  const tokens = tokenize(text);
  return findNames(text, tokens, splitSentences(text, tokens), lang).map((m) => (m.person ? `${m.text}*` : m.text));
}

describe('extractStatements: quotes and reported speech', () => {
  it('takes an English quote with the speaker named after it, and "he said" for the person last named', () => {
    const text =
      'Harbour master Marta Kowalczyk spoke to reporters on Tuesday afternoon in Velmar.\n' +
      '“We expect the port to reopen within three days,” Kowalczyk said.\n' +
      'The spill was the worst in a decade, she said.';
    const found = statements(text, 'en');
    expect(found[1]).toEqual({ text: '“We expect the port to reopen within three days,” Kowalczyk said.', kinds: ['quote', 'reported', 'figure', 'event'], speaker: 'Kowalczyk' });
    expect(found[2]!.kinds).toContain('reported');
    expect(found[2]!.speaker).toMatch(/Kowalczyk$/);
  });

  it('takes German reported speech: sagte, teilte mit, laut, zufolge, the subjunctive, ", so X"', () => {
    const text = [
      'Die Lage im Hafen sei unter Kontrolle, sagte Hafenmeisterin Marta Kowalczyk am Dienstag.',
      'Die Reederei Dravik teilte mit, der Tanker werde bis Freitag abgepumpt.',
      'Laut Hafenbehörde liefen rund 40 Tonnen Chemikalien aus.',
      'Der Schaden gehe in die Millionen, so Kowalczyk.',
    ].join('\n');
    const found = statements(text, 'de');
    expect(found.map((s) => s.kinds.includes('reported'))).toEqual([true, true, true, true]);
    expect(found[0]!.speaker).toBe('Marta Kowalczyk');
    expect(found[3]!.speaker).toBe('Kowalczyk');
    expect(found[2]!.kinds).toContain('figure');
  });

  it('takes a German quotation in „…“ with „sagte er“ for the person last named', () => {
    const text = 'Bürgermeister Jonas Albrecht besuchte den Hafen von Velmar am Morgen.\n„Wir lassen niemanden allein“, sagte er vor Journalisten.';
    const [, quote] = statements(text, 'de');
    expect(quote).toEqual({ text: '„Wir lassen niemanden allein“, sagte er vor Journalisten.', kinds: ['quote', 'reported'], speaker: 'Jonas Albrecht' });
  });

  it('takes announcements and figures', () => {
    const found = statements('The company announced it will cut 2,000 jobs in Velmar by next spring.', 'en');
    expect(found[0]!.kinds).toEqual(['announcement', 'figure', 'event']);
  });
});

describe('extractStatements: what is not a statement', () => {
  it('leaves out bylines, credits, copyright, prompts to read on, navigation and headings', () => {
    const text = [
      'Home › World › Europe › Shipping',
      'Velmar port closed after chemical spill',
      'By Jane Doe and Tom Harris',
      'Photo: Harbour Authority of Velmar via Reuters',
      'Published: March 7, 2023 at 10:15 AM',
      'The port of Velmar was closed on Tuesday after a tanker leaked chemicals, the harbour authority said.',
      'Read more: How ports handle chemical spills in winter',
      'Foto: Hafenbehörde Velmar / dpa',
      '© 2023 Example News. All rights reserved.',
    ].join('\n');
    expect(statements(text, 'en').map((s) => s.text)).toEqual([
      'The port of Velmar was closed on Tuesday after a tanker leaked chemicals, the harbour authority said.',
    ]);
  });

  it('recognises boilerplate lines in both languages, and not prose that mentions photos', () => {
    expect(isBoilerplate('Alle Rechte vorbehalten.')).toBe(true);
    expect(isBoilerplate('Lesen Sie auch: Der Hafen und die Chemie')).toBe(true);
    expect(isBoilerplate('Von Anna Berger, Velmar')).toBe(true);
    expect(isBoilerplate('The photographer said the port was empty.')).toBe(false);
  });

  it('leaves out sentences too short to state anything', () => {
    expect(statements('Vieles ist unklar.\nDas bleibt so.', 'de')).toEqual([]);
  });

  it('gives offsets into the text it was given', () => {
    const text = 'Navigation\nThe harbour authority of Velmar said on Tuesday that the port will stay closed.';
    const [s] = extractStatements(text, 'en').statements;
    expect(text.slice(s!.start, s!.end)).toBe(s!.text);
  });
});

describe('open-world names', () => {
  it('finds English names, acronyms and titled people', () => {
    expect(names('The tanker of Dravik Shipping was inspected by the IMO, President Lena Ostrova said on Tuesday.', 'en')).toEqual([
      'Dravik Shipping',
      'IMO',
      'Lena Ostrova*',
    ]);
  });

  it('tells German names from German nouns', () => {
    expect(names('Die Behörde in Velmar warnte am Dienstag, sagte Hafenmeisterin Marta Kowalczyk der Zeitung.', 'de')).toEqual([
      'Velmar',
      'Marta Kowalczyk*',
    ]);
  });

  it('keeps the name part of a German hyphen compound', () => {
    expect(names('Ermittler fanden Spuren an den Nord-Velmar-Lecks in der Nacht.', 'de')).toEqual(['Nord-Velmar']);
  });

  it('gives transliterations in German and English one key', () => {
    expect(looseKey('prigoschin')).toBe(looseKey('prigozhin'));
    expect(looseKey('jewgeni')).toBe(looseKey('yevgeny'));
    expect(looseKey('selenskyj')).toBe(looseKey('zelensky'));
    expect(looseKey('kowalczyk')).not.toBe(looseKey('kowalski'));
  });
});
