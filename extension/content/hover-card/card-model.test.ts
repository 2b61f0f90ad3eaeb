import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../shared/kb/types.ts';
import type { Finding } from '../findings.ts';
import { claimCardModel, entityCardModel, pageSourceIds, type CardKnowledge } from './card-model.ts';

const occurrence = (source: string, exact: string) => ({
  source,
  selector: [
    { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
    { type: 'TextPositionSelector' as const, start: 0, end: exact.length },
  ] as Claim['occurrences'][number]['selector'],
});

const threat: Claim = {
  id: 'threat',
  statement: { de: 'Putin droht, Nordkorea zu bewaffnen.', en: 'Putin threatens to arm North Korea.' },
  speaker: 'putin',
  about: ['north-korea'],
  occurrences: [
    occurrence('a', 'Konkret drohte Putin damit, Nordkorea mit Präzisionswaffen auszustatten.'),
    occurrence('b', 'Putin kündigte an, Waffen an Nordkorea liefern zu wollen.'),
    occurrence('b', 'Er wolle Präzisionswaffen an Nordkorea liefern.'),
    occurrence('c', 'Putin will Nordkorea Waffen liefern.'),
  ],
};
const pact: Claim = { ...threat, id: 'pact', speaker: undefined, about: ['north-korea'], occurrences: [occurrence('a', 'Der Pakt gilt im Angriffsfall.')] };

const kb: CardKnowledge = {
  entities: new Map([
    ['putin', { id: 'putin', type: 'person', name: { de: 'Wladimir Putin', en: 'Vladimir Putin' }, description: { de: 'Präsident', en: 'President' }, aliases: ['Putin', 'Putins', 'Kreml-Chef', 'Kreml Chef', 'Kremlchefs'] }],
    ['north-korea', { id: 'north-korea', type: 'country', name: { de: 'Nordkorea', en: 'North Korea' }, description: { de: '', en: 'A country' }, aliases: [] }],
  ]),
  claims: new Map([['threat', threat], ['pact', pact]]),
  sources: new Map([
    ['a', { id: 'a', title: 'Artikel A', date: '2024-06', byline: 'dpa', lang: 'de' }],
    ['b', { id: 'b', title: 'Artikel B', date: '2024-06', lang: 'de', url: 'https://example.org/b' }],
    ['c', { id: 'c', title: 'Artikel C', date: '2024-06-20', lang: 'de' }],
  ]),
  claimsByEntity: new Map([['putin', [threat]], ['north-korea', [threat, pact]]]),
};

const claimFinding = (id: string, text: string): Finding =>
  ({ kind: 'claim', id, text, start: 0, end: text.length, score: 0.9, range: {} as Range });

describe('entityCardModel', () => {
  it('gives name, description and aliases in the UI language, one alias per spelling', () => {
    const model = entityCardModel(kb, 'putin', [], 'en');
    expect(model).toMatchObject({ name: 'Vladimir Putin', type: 'person', description: 'President' });
    expect(model?.aliases).toEqual(['Putin', 'Kreml-Chef']);
  });

  it('splits claims into those on this page and those elsewhere', () => {
    const model = entityCardModel(kb, 'north-korea', [claimFinding('pact', 'x')], 'de');
    expect(model?.onPage.map((l) => l.claimId)).toEqual(['pact']);
    expect(model?.elsewhere).toEqual([{ claimId: 'threat', statement: 'Putin droht, Nordkorea zu bewaffnen.', sources: 3 }]);
  });

  it('is null for an unknown entity', () => {
    expect(entityCardModel(kb, 'nobody', [], 'en')).toBeNull();
  });
});

describe('claimCardModel', () => {
  const onPage = claimFinding('threat', 'Konkret drohte Putin damit, Nordkorea mit Präzisionswaffen auszustatten.');

  it('lists each other source once, with its own passages and links, leaving out this very passage', () => {
    const model = claimCardModel(kb, onPage, [onPage], [onPage], 'https://news.example/x', 'en');
    const claim = model?.claims[0];
    expect(claim?.statement).toBe('Putin threatens to arm North Korea.');
    expect(claim?.speaker).toBe('Vladimir Putin');
    expect(claim?.others.map((o) => [o.sourceId, o.passages.length])).toEqual([['b', 2], ['c', 1]]);
    expect(claim?.others[0]?.passages[0]?.link.kind).toBe('web');
    expect(claim?.others[1]?.passages[0]?.link).toEqual({ kind: 'reader', href: 'reader/reader.html?source=c&claim=threat' });
    expect(claim?.others[1]?.date).toBe('June 20, 2024');
  });

  it('leaves out the source at the page’s own address', () => {
    const model = claimCardModel(kb, onPage, [onPage], [onPage], 'https://example.org/b#top', 'en');
    expect(model?.own).toEqual(['b']);
    expect(model?.claims[0]?.others.map((o) => o.sourceId)).toEqual(['c']);
  });

  it('holds every claim of the sentence, the hovered one first, each once', () => {
    const pactHere = claimFinding('pact', 'Der Pakt gilt im Angriffsfall.');
    const model = claimCardModel(kb, pactHere, [onPage, pactHere, onPage], [onPage, pactHere], 'https://news.example/x', 'de');
    expect(model?.claims.map((c) => c.claimId)).toEqual(['pact', 'threat']);
    expect(model?.claims[1]?.statement).toBe('Putin droht, Nordkorea zu bewaffnen.');
  });
});

describe('pageSourceIds', () => {
  it('recognises a source by URL or by several of its passages on the page', () => {
    const page = [claimFinding('threat', 'Konkret drohte Putin damit, Nordkorea mit Präzisionswaffen auszustatten.'), claimFinding('pact', 'Der Pakt gilt im Angriffsfall.')];
    expect([...pageSourceIds(kb, page, 'https://example.org/b#top')].sort()).toEqual(['a', 'b']);
    expect([...pageSourceIds(kb, page.slice(0, 1), 'https://example.org/x')]).toEqual([]);
  });

  it('counts a passage the page repeats (a caption over the lead) once', () => {
    const lead = claimFinding('threat', 'Konkret drohte Putin damit, Nordkorea mit Präzisionswaffen auszustatten.');
    expect([...pageSourceIds(kb, [lead, lead], 'https://example.org/x')]).toEqual([]);
  });
});
