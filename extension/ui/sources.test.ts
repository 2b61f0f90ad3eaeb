import { describe, expect, it } from 'vitest';
import type { Claim } from '../../shared/kb/types.ts';
import type { OccurrenceInfo, SourceInfo, TabClaims } from '../../shared/messages.ts';
import { claimCardModel, detailEntries, type CardKnowledge } from '../content/hover-card/card-model.ts';
import type { Finding } from '../content/findings.ts';
import { sidebarModel } from '../sidebar/model.ts';
import { isQuoted, sourceList, type PassageEntry } from './sources.ts';

const src = (id: string, date: string, extra: Partial<SourceInfo> = {}): SourceInfo => ({ id, title: `Title ${id}`, date, lang: 'de', ...extra });
const entry = (source: SourceInfo, quote: string): PassageEntry => ({ sourceId: source.id, source, quote });

describe('sourceList', () => {
  const older = src('older', '2024-06-19');
  const newer = src('newer', '2024-06-21', { lang: 'en' });
  const read = src('page:https://read.example/a', '2026-11-30', { url: 'https://read.example/a', lang: 'en' });

  it('orders the knowledge base’s sources by date, then the pages read, whatever order they came in', () => {
    const list = sourceList([entry(read, 'r'), entry(newer, 'n'), entry(older, 'o')], 'c', { url: 'https://here.example/', passage: 'page text' }, new Set(), 'en');
    expect(list.map((s) => s.sourceId)).toEqual(['older', 'newer', 'page:https://read.example/a']);
  });

  it('keeps one of two identical passages of a source (a caption repeating the lead)', () => {
    const list = sourceList([entry(older, 'Putin droht Seoul.'), entry(older, ' Putin  droht Seoul. ')], 'c', { url: 'https://here.example/', passage: 'x' }, new Set(), 'de');
    expect(list[0]?.passages.map((p) => p.text)).toEqual(['Putin droht Seoul.']);
  });

  it('tags each passage with its source’s language and notes quotation marks it already has', () => {
    const list = sourceList([entry(older, '„Das ist ein Fehler“, sagte Putin.'), entry(newer, 'Putin said it was a mistake.')], 'c', { url: 'https://here.example/', passage: 'x' }, new Set(), 'en');
    expect(list.map((s) => s.passages.map((p) => [p.lang, p.quoted]))).toEqual([[['de', true]], [['en', false]]]);
  });

  it('leaves out the page’s own sources, the page read at its address, and the page’s own wording', () => {
    const at = src('page:https://here.example/now', '2026-12-02', { url: 'https://here.example/now' });
    const list = sourceList(
      [entry(older, 'Same words here, long enough.'), entry(newer, 'other'), entry(at, 'its headline')],
      'c',
      { url: 'https://here.example/now#section', passage: 'Same words here, long enough.' },
      new Set(['newer']),
      'en',
    );
    expect(list).toEqual([]);
  });
});

describe('isQuoted', () => {
  it('sees German, English and French marks at either end', () => {
    expect(['„Ja“', '“Yes”', '«Oui»', '"plain"', 'Er sagte: „Ja“', '‚Ja‘ sagte er'].map(isQuoted)).toEqual([true, true, true, true, true, true]);
    expect(isQuoted('No quotes here.')).toBe(false);
  });
});

describe('card and sidebar', () => {
  // The knowledge base's occurrences, as the content script knows them, and the background's fuller answer with
  // a page the reader read: the card (once the background answered) and the sidebar must list the same.
  const sources = [src('a', '2024-06-20'), src('b', '2024-06-19', { url: 'https://b.example/n' }), src('c', '2024-06-21')];
  const read = src('page:https://read.example/x', '2026-12-01', { url: 'https://read.example/x', lang: 'en' });
  const here = src('page:https://here.example/now', '2026-12-02', { url: 'https://here.example/now' });
  const sel = (exact: string) =>
    [
      { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
      { type: 'TextPositionSelector' as const, start: 0, end: exact.length },
    ] as Claim['occurrences'][number]['selector'];
  const claim: Claim = {
    id: 'threat',
    statement: { de: 'Putin droht.', en: 'Putin threatens.' },
    about: [],
    occurrences: [
      { source: 'c', selector: sel('Putin drohte Seoul mit Konsequenzen.') },
      { source: 'a', selector: sel('„Ein großer Fehler“, sagte Putin.') },
      { source: 'b', selector: sel('Putin warnte Südkorea.') },
      { source: 'b', selector: sel('Putin warnte Südkorea. ') },
    ],
  };
  const kb: CardKnowledge = {
    entities: new Map(),
    claims: new Map([['threat', claim]]),
    sources: new Map(sources.map((s) => [s.id, s])),
    claimsByEntity: new Map(),
  };
  const info = (source: SourceInfo, quote: string): OccurrenceInfo => ({ source, quote, prefix: '', suffix: '', start: 0, end: quote.length });
  const occurrences = [
    ...claim.occurrences.map((o) => info(kb.sources.get(o.source)!, o.selector[0].exact)),
    info(read, 'Putin threatened Seoul with consequences.'),
    // The page itself, read before: recorded with its headline, which the page's highlight does not cover.
    info(here, 'Putin droht Südkorea'),
  ];
  const passage = 'Putin droht Südkorea mit Folgen, hieß es heute.';
  const finding = { kind: 'claim', id: 'threat', text: passage, start: 0, end: passage.length, score: 1, range: {} as Range } as Finding;
  const tab: TabClaims = {
    tabId: 1,
    url: 'https://here.example/now#top',
    title: 'Now',
    entities: [],
    claims: [
      { id: 'threat', start: 0, end: 10, text: passage, score: 1, claim, occurrences },
      // The caption repeats the lead: one row, not two.
      { id: 'threat', start: 20, end: 30, text: passage, score: 1, claim, occurrences },
    ],
  };

  it('list the same sources in the same order, the page read included and the page itself left out', () => {
    const card = claimCardModel(kb, finding, [finding], [finding], tab.url, 'en')!;
    const own = new Set(card.own);
    const cardList = sourceList(detailEntries(occurrences), 'threat', { url: card.pageUrl, passage }, own, 'en');
    const sidebar = sidebarModel(tab, 'en');
    expect(sidebar.claims).toHaveLength(1);
    expect(cardList).toEqual(sidebar.claims[0]!.others);
    expect(cardList.map((s) => s.sourceId)).toEqual(['b', 'a', 'c', 'page:https://read.example/x']);
    expect(cardList[0]?.passages).toHaveLength(1);
  });
});
