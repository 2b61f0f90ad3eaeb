/**
 * Learning from pages read, end to end through the real matcher, on a made-up story of our own (a chemical spill in
 * the port of Velmar) told by several outlets, and an unrelated one (a budget in Brenford).
 */
import { describe, expect, it } from 'vitest';
import { buildKb } from '../../scripts/kb/build.ts';
import { buildMatcher } from '../match/index.ts';
import { isLearnedClaim, linkPage, Reading, type Page } from './index.ts';

const { kb } = buildKb('shared/kb');

const WIRE =
  'Velmar port closed after chemical spill\n' +
  'By Jane Doe\n' +
  'The port of Velmar was closed on Tuesday after the tanker Orlanda leaked 40 tonnes of chemicals into the harbour, the harbour authority said.\n' +
  '“We expect the port to reopen within three days,” harbour master Marta Kowalczyk told reporters.\n' +
  'The Orlanda belongs to the shipping company Dravik Lines, according to the authority.\n';

/** The same wire copy on another site, lightly edited. */
const REPUBLISHED =
  'Chemical spill shuts Velmar port\n' +
  'The port of Velmar was closed on Tuesday after the tanker Orlanda leaked 40 tonnes of chemicals into the harbour, the harbour authority said on Tuesday.\n' +
  '“We expect the port to reopen within three days,” harbour master Marta Kowalczyk told reporters.\n';

/** Another outlet in its own words. */
const OWN_WORDS =
  'Tanker spill in Velmar\n' +
  'Harbour master Marta Kowalczyk told reporters she expects the port of Velmar to reopen within three days.\n' +
  'Fishermen in the bay said they had seen dead fish along the shore since the morning.\n';

/** A German outlet. */
const GERMAN =
  'Chemieunfall im Hafen von Velmar\n' +
  'Der Hafen von Velmar wurde am Dienstag geschlossen, nachdem der Tanker Orlanda 40 Tonnen Chemikalien in das Hafenbecken verloren hatte, teilte die Hafenbehörde mit.\n' +
  'Hafenmeisterin Marta Kowalczyk sagte, sie erwarte, dass der Hafen binnen drei Tagen wieder öffne.\n';

/** Another story that shares no names with the port of Velmar. */
const OTHER_STORY =
  'Brenford budget approved\n' +
  'The city council of Brenford approved a new budget on Tuesday after three days of debate, council leader Tom Harris said.\n' +
  'Harris said the budget would reopen two libraries within three days of its adoption.\n';

const page = (address: string, text: string): Page => ({ address, title: text.split('\n')[0]!, text });

function linksOf(reading: Reading, p: Page) {
  const { kb: known, result } = linkPage(reading, p);
  const claims = new Map(known.claims.map((c) => [c.id, c]));
  const sources = new Map(known.sources.map((s) => [s.id, s]));
  return result.claims
    .filter((m) => isLearnedClaim(m.claim))
    .map((m) => ({
      here: p.text.slice(m.start, m.end),
      there: claims.get(m.claim)!.occurrences.map((o) => ({
        source: o.source,
        quote: sources.get(o.source)!.text.slice(o.selector[1].start, o.selector[1].end),
      })),
    }));
}

describe('Reading: learning statements', () => {
  it('learns the statements of an article, not its headline or byline', () => {
    const reading = new Reading(kb);
    reading.read(page('https://wire.example/velmar', WIRE));
    const learned = reading.learnedClaims().map((c) => c.statement.en);
    expect(learned).toHaveLength(3);
    expect(learned.some((s) => s.includes('By Jane Doe') || s === 'Velmar port closed after chemical spill')).toBe(false);
  });

  it('keeps republished wire copy as one statement with a source per site', () => {
    const reading = new Reading(kb);
    reading.read(page('https://wire.example/velmar', WIRE));
    reading.read(page('https://paper.example/port', REPUBLISHED));
    expect(reading.size).toBe(3);
    const quote = reading.learnedClaims().find((c) => c.statement.en.includes('reopen within three days'))!;
    expect(quote.occurrences.map((o) => o.source)).toEqual(['https://wire.example/velmar', 'https://paper.example/port']);
  });

  it('gives each statement its speaker and names as entities the matcher knows', () => {
    const reading = new Reading(kb);
    reading.read(page('https://wire.example/velmar', WIRE));
    const quote = reading.learnedClaims().find((c) => c.statement.en.includes('reopen within three days'))!;
    const known = reading.knowledgeFor(page('https://other.example/x', OWN_WORDS));
    const speaker = known.entities.find((e) => e.id === quote.speaker)!;
    expect(speaker.type).toBe('person');
    expect(speaker.aliases).toContain('Marta Kowalczyk');
    expect(speaker.aliases).toContain('Kowalczyk');
  });
});

describe('Reading: linking a page to what was read', () => {
  it('links a sentence of another outlet to the passage read, quoting it exactly', () => {
    const reading = new Reading(kb);
    reading.read(page('https://wire.example/velmar', WIRE));
    const links = linksOf(reading, page('https://other.example/tanker', OWN_WORDS));
    expect(links).toEqual([
      {
        here: 'Harbour master Marta Kowalczyk told reporters she expects the port of Velmar to reopen within three days.',
        there: [{ source: 'https://wire.example/velmar', quote: '“We expect the port to reopen within three days,” harbour master Marta Kowalczyk told reporters.' }],
      },
    ]);
  });

  it('links across German and English', () => {
    const reading = new Reading(kb);
    reading.read(page('https://wire.example/velmar', WIRE));
    const links = linksOf(reading, page('https://zeitung.example/velmar', GERMAN));
    expect(links.map((l) => l.there[0]!.quote)).toContain(
      'The port of Velmar was closed on Tuesday after the tanker Orlanda leaked 40 tonnes of chemicals into the harbour, the harbour authority said.',
    );
  });

  it('shows every site of republished wire copy as a source of the link', () => {
    const reading = new Reading(kb);
    reading.read(page('https://wire.example/velmar', WIRE));
    reading.read(page('https://paper.example/port', REPUBLISHED));
    const [link] = linksOf(reading, page('https://other.example/tanker', OWN_WORDS));
    expect(link!.there.map((t) => t.source)).toEqual(['https://wire.example/velmar', 'https://paper.example/port']);
  });

  it('does not link a page to itself', () => {
    const reading = new Reading(kb);
    reading.read(page('https://wire.example/velmar', WIRE));
    expect(linksOf(reading, page('https://wire.example/velmar', WIRE))).toEqual([]);
  });

  it('does not link another story, however alike its words', () => {
    const reading = new Reading(kb);
    reading.read(page('https://wire.example/velmar', WIRE));
    expect(linksOf(reading, page('https://city.example/budget', OTHER_STORY))).toEqual([]);
  });

  it('does not link an article read long before the page was published', () => {
    const reading = new Reading(kb);
    reading.read({ ...page('https://wire.example/velmar', WIRE), date: '2023-03-07' });
    const later = { ...page('https://other.example/tanker', OWN_WORDS), date: '2023-09-01' };
    expect(linksOf(reading, later)).toEqual([]);
    expect(linksOf(reading, { ...later, date: '2023-03-08' })).toHaveLength(1);
  });

  it('finds the curated claims on a page exactly as without any reading', () => {
    // Another article of the seed story read first: its statements are learned and link, and change nothing else.
    const reading = new Reading(kb);
    reading.read(page('https://seed.example/b', kb.sources[1]!.text));
    const article = kb.sources[0]!;
    const { result } = linkPage(reading, page('https://seed.example/a', article.text));
    expect(result.claims.some((m) => isLearnedClaim(m.claim))).toBe(true);
    expect(result.claims.filter((m) => !isLearnedClaim(m.claim))).toEqual(buildMatcher(kb).match(article.text).claims);
  });

  it('leaves the curated knowledge as it was', () => {
    const reading = new Reading(kb);
    reading.read(page('https://wire.example/velmar', WIRE));
    const known = reading.knowledgeFor(page('https://other.example/tanker', OWN_WORDS));
    for (const claim of kb.claims) expect(known.claims).toContainEqual(claim);
    expect(known.sources.slice(0, kb.sources.length)).toEqual(kb.sources);
  });
});

describe('Reading: figures and one passage per sentence', () => {
  const READ =
    'Tanker wreck found off Velmar\n' +
    'The wreck of the tanker Orlanda lies 1,600 feet from the entrance of the port of Velmar, harbour master Marta Kowalczyk said on Friday.\n' +
    'The tanker Orlanda leaked 40 tonnes of chemicals into the harbour of Velmar, the authority said.\n';

  it('links a German sentence that gives the same distance in metres', () => {
    const reading = new Reading(kb);
    reading.read(page('https://wire.example/wreck', READ));
    const german = page(
      'https://zeitung.example/wrack',
      'Wrack vor Velmar\nDas Wrack liegt rund 500 Meter vor der Einfahrt des Hafens von Velmar, sagte Hafenmeisterin Marta Kowalczyk am Freitag.\n',
    );
    const quote = 'The wreck of the tanker Orlanda lies 1,600 feet from the entrance of the port of Velmar, harbour master Marta Kowalczyk said on Friday.';
    expect(linksOf(reading, german).map((l) => l.there[0]!.quote)).toContain(quote);
    // The distance counts as a word both sentences share: the same sentence with another distance (scored
    // without the figure check) covers less of the passage read.
    const coverage = (p: Page, options = {}) => linkPage(reading, p, { ...options, learnedThreshold: 0.01, crossThreshold: 0.01 }).result.claims.find((m) => isLearnedClaim(m.claim))?.coverage ?? 0;
    const elsewhere = { ...german, text: german.text.replace('500 Meter', '900 Meter') };
    expect(coverage(german)).toBeGreaterThan(coverage(elsewhere, { figures: false }));
    expect(coverage(elsewhere)).toBe(0);
  });

  it('does not link a sentence of the same story that gives another figure', () => {
    const reading = new Reading(kb);
    reading.read(page('https://wire.example/wreck', READ));
    const other = page('https://other.example/spill', 'Spill in Velmar\nThe tanker Orlanda leaked 400 tonnes of oil into the harbour of Velmar, the authority said.\n');
    expect(linksOf(reading, other)).toEqual([]);
    // The same sentence with the figure the article read gives is linked.
    const same = page('https://other.example/spill', 'Spill in Velmar\nThe tanker Orlanda leaked 40 tonnes of oil into the harbour of Velmar, the authority said.\n');
    expect(linksOf(reading, same)).toHaveLength(1);
  });

  it('links a passage read to one sentence of the page only, its best', () => {
    const reading = new Reading(kb);
    reading.read(page('https://wire.example/velmar', WIRE));
    const twice = page(
      'https://other.example/twice',
      'Velmar to reopen\n' +
        'Harbour master Marta Kowalczyk told reporters she expects the port of Velmar to reopen within three days.\n' +
        'Marta Kowalczyk, the harbour master, told reporters the port of Velmar could reopen within days.\n',
    );
    const links = linksOf(reading, twice);
    expect(links.map((l) => l.here)).toEqual(['Harbour master Marta Kowalczyk told reporters she expects the port of Velmar to reopen within three days.']);
  });
});

describe('Reading: content beyond names', () => {
  it('does not link two statements of one speaker that share only the names and "said"', () => {
    const reading = new Reading(kb);
    reading.read(page('https://wire.example/velmar', WIRE));
    const other = page(
      'https://other.example/fish',
      'Velmar harbour master speaks\n' +
        'Harbour master Marta Kowalczyk told reporters in Velmar that the fishermen would be paid for their losses.\n',
    );
    expect(linksOf(reading, other)).toEqual([]);
    // Without the check, the speaker, the place and the reporting words alone would link it.
    const { result } = linkPage(reading, other, { content: 0 });
    expect(result.claims.filter((m) => isLearnedClaim(m.claim))).toHaveLength(1);
  });
});
