import { describe, expect, it } from 'vitest';
import type { Claim, Concept, Entity } from '../kb/types.ts';
import { buildMatcher } from './index.ts';

const entity = (id: string, type: Entity['type'], aliases: string[]): Entity => ({
  id,
  type,
  name: { de: id, en: id },
  description: { de: '', en: '' },
  aliases,
});

const ENTITIES = [
  entity('putin', 'person', ['Putin', 'Putins']),
  entity('north-korea', 'country', ['Nordkorea', 'North Korea']),
  entity('united-states', 'country', ['USA', 'United States']),
  entity('japan', 'country', ['Japan']),
  entity('south-korea', 'country', ['Südkorea', 'South Korea']),
  entity('vietnam', 'country', ['Vietnam']),
  { ...entity('seoul', 'city', ['Seoul']), standsFor: 'south-korea' },
];

const CONCEPTS: Concept[] = [
  { id: 'threaten', de: ['droh', 'gedroht'], en: ['threat'] },
  { id: 'weapons', de: ['*waffe'], en: ['weapon', 'arms$', 'arm$'] },
  { id: 'supply', de: ['liefer', 'ausstatt', 'auszustatt', 'ausruest'], en: ['suppl', 'deliver', 'arm$'] },
  { id: 'worried', de: ['besorgt', 'beunruhig'], en: ['troubl', 'concern', 'worr'] },
  { id: 'bridge', de: ['bruecke'], en: ['bridge'] },
  { id: 'build', de: ['bau'], en: ['build'] },
  { id: 'warn', de: ['warn'], en: ['warn'] },
  { id: 'mistake', de: ['fehler'], en: ['mistake'] },
  { id: 'grave', de: ['schwer', 'gross'], en: ['grave', 'big$'] },
  { id: 'decision', de: ['entscheid'], en: ['decision'] },
  { id: 'answer', de: ['antwort', 'reaktion'], en: ['answer', 'response'] },
];

const claim = (id: string, de: string, en: string, about: string[]): Claim => ({
  id,
  statement: { de, en },
  about,
  occurrences: [],
});

const CLAIMS = [
  claim('threat', 'Putin droht, Nordkorea mit Waffen zu beliefern.', 'Putin threatens to supply North Korea with weapons.', ['putin', 'north-korea']),
  claim(
    'us-worried',
    'Die USA sind besorgt über Putins Drohung, Nordkorea mit Waffen zu beliefern.',
    'The United States is troubled by Putin’s threat to supply North Korea with weapons.',
    ['united-states', 'putin', 'north-korea'],
  ),
  claim('bridge', 'Russland und Nordkorea bauen eine Brücke.', 'Russia and North Korea build a bridge.', ['north-korea']),
];

const matcher = buildMatcher({ entities: ENTITIES, claims: CLAIMS, concepts: CONCEPTS });
const claimsIn = (text: string) => matcher.match(text).claims.map((c) => c.claim);

const MISTAKE = claim(
  'mistake',
  'Putin warnt Südkorea, Waffenlieferungen wären ein schwerer Fehler.',
  'Putin warns South Korea that supplying weapons would be a grave mistake.',
  ['putin', 'south-korea'],
);
const warnings = buildMatcher({ entities: ENTITIES, claims: [MISTAKE, CLAIMS[2]!], concepts: CONCEPTS });
const warningsIn = (text: string) => warnings.match(text).claims.map((c) => c.claim);

// Worded as a source's passage often is: who decided, and about whom, are left to the sentences around it.
const ANSWER: Claim = {
  ...claim('answer', 'Diese Entscheidung sei eine Antwort auf Waffenlieferungen.', 'This decision answers arms deliveries.', [
    'north-korea',
  ]),
  speaker: 'putin',
};
const answers = buildMatcher({ entities: ENTITIES, claims: [ANSWER, CLAIMS[2]!], concepts: CONCEPTS });

describe('claim matching', () => {
  it('finds a claim in other words and in the other language', () => {
    expect(claimsIn('Putin hat gedroht, Nordkorea Waffen zu liefern.')).toEqual(['threat']);
    expect(claimsIn('Putin threatened to deliver weapons to North Korea.')).toEqual(['threat']);
  });

  it('does not also report a related claim the sentence does not state', () => {
    // Covers most of "the US is troubled by the threat" too, but says nothing of the US.
    expect(claimsIn('Putin drohte, Nordkorea mit Präzisionswaffen auszustatten.')).toEqual(['threat']);
  });

  it('reports the fuller claim when the sentence states it', () => {
    expect(claimsIn('The United States is deeply troubled by Putin’s threat to supply weapons to North Korea.')[0]).toBe(
      'us-worried',
    );
  });

  it('reports two claims in one sentence when each has words of its own there', () => {
    const found = claimsIn('Putin threatened to supply North Korea with weapons, and Russia and North Korea will build a bridge.');
    expect(found.sort()).toEqual(['bridge', 'threat']);
  });

  it('needs more than the names: Putin, North Korea and weapons alone state nothing', () => {
    expect(claimsIn('Putin and North Korea: weapons.')).toEqual([]);
    expect(claimsIn('Putin traf Japan in Nordkorea.')).toEqual([]);
  });

  it('takes a capital for its country, as news does ("Seoul" for South Korea)', () => {
    const [bySeoul] = warnings.match('Putin warned Seoul that delivering arms would be a big mistake.').claims;
    const [byName] = warnings.match('Putin warned South Korea that delivering arms would be a big mistake.').claims;
    expect(bySeoul?.claim).toBe('mistake');
    expect(bySeoul?.score).toBe(byName?.score);
  });

  it('does not take a claim about one country for the same words about another', () => {
    expect(warningsIn('Putin warned Japan that delivering arms would be a big mistake.')).toEqual([]);
    expect(warningsIn('Putin warnte Japan, Waffenlieferungen wären ein großer Fehler.')).toEqual([]);
  });

  it('lets a country named only in a condition, a circumstance or a relative clause stand beside the claim', () => {
    // South Korea is left to the context. Named in the main statement, Japan takes its place: not the claim.
    expect(warningsIn('Supplying weapons would be a grave mistake, Putin warned Japan.')).toEqual([]);
    // Japan only in a condition, a circumstance or a relative clause: still the claim.
    expect(warningsIn('Supplying weapons would be a grave mistake if Japan did the same, Putin warned.')).toEqual(['mistake']);
    expect(warningsIn('After talks with Japan, Putin warned that supplying weapons would be a grave mistake.')).toEqual(['mistake']);
    expect(warningsIn('Wenn Japan mitzieht, wären Waffenlieferungen ein großer Fehler, warnte Putin.')).toEqual(['mistake']);
    expect(warningsIn('Waffenlieferungen wären ein großer Fehler, warnte Putin, der Japan besucht hatte.')).toEqual(['mistake']);
    // A condition ends at its comma: Japan named after it is a party again.
    expect(warningsIn('Wenn es so weit kommt, warnte Putin Japan, wären Waffenlieferungen ein großer Fehler.')).toEqual([]);
  });

  it('joins a German separable particle at the end of a clause to its verb', () => {
    // The lexicon knows "ausschließ" (rule out), not the bare "schließt", which alone means "closes".
    const concepts: Concept[] = [...CONCEPTS, { id: 'rule-out', de: ['ausschließ'], en: ['rule out$'] }];
    const denial = claim('no-rule-out', 'Putin schließt nicht aus, Nordkorea Waffen zu liefern.', 'Putin does not rule out arming North Korea.', [
      'putin',
      'north-korea',
    ]);
    const m = buildMatcher({ entities: ENTITIES, claims: [denial, CLAIMS[2]!], concepts });
    const found = (text: string) => m.match(text).claims.map((c) => c.claim);
    expect(found('Waffenlieferungen an Nordkorea schließt Putin ausdrücklich nicht aus.')).toEqual(['no-rule-out']);
    expect(found('Putin schließt Waffenlieferungen an Nordkorea nicht aus, sagte er.')).toEqual(['no-rule-out']);
  });

  it('does not mind where it was said: a country named as the scene is no substitute', () => {
    // South Korea is left to the context, and Vietnam is only where it was said.
    expect(warningsIn('Supplying weapons would be a grave mistake, Putin warned on a visit in Vietnam.')).toEqual(['mistake']);
    expect(warningsIn('Waffenlieferungen wären ein großer Fehler, warnte Putin bei einem Besuch in Vietnam.')).toEqual([
      'mistake',
    ]);
    // Named as a party, Vietnam is a substitute.
    expect(warningsIn('Supplying weapons would be a grave mistake, Putin warned Vietnam.')).toEqual([]);
  });

  it("counts the claim's speaker and entities even where its passage leaves them to the context", () => {
    const score = (text: string) => answers.match(text).claims.find((c) => c.claim === 'answer')?.coverage ?? 0;
    const named = score('Putin nannte die Entscheidung, Nordkorea zu beliefern, eine Antwort auf Waffenlieferungen.');
    const unnamed = score('Die Entscheidung sei eine Antwort auf Waffenlieferungen.');
    expect(named).toBeGreaterThan(unnamed + 0.2);
  });

  it('reports a calibrated score that rises with the coverage and stays within 0..1', () => {
    const found = [
      'Putin warned Seoul that delivering arms would be a big mistake.',
      'Putin warned Seoul: a grave mistake.',
    ].map((text) => warnings.match(text).claims[0]!);
    for (const m of found) expect(m.score).toBeGreaterThan(0), expect(m.score).toBeLessThanOrEqual(1);
    const [a, b] = found;
    // Isotonic: a higher coverage never gets a lower score (a step of the fit may give two the same score).
    const [low, high] = a!.coverage! < b!.coverage! ? [a!, b!] : [b!, a!];
    expect(high.coverage!).toBeGreaterThan(low.coverage!);
    expect(high.score).toBeGreaterThanOrEqual(low.score);
  });

  it('holds a short passage to more than its few words: even its exact wording scores below 1', () => {
    const [exact] = matcher.match('Russland und Nordkorea bauen eine Brücke.').claims;
    expect(exact?.claim).toBe('bridge');
    expect(exact!.coverage).toBeLessThan(0.9);
  });

  it('scores in 0..1 with offsets of the sentence', () => {
    const text = 'Vorher. Putin droht, Nordkorea mit Waffen zu beliefern. Nachher.';
    const [m] = matcher.match(text).claims;
    expect(text.slice(m!.start, m!.end)).toBe('Putin droht, Nordkorea mit Waffen zu beliefern.');
    expect(m!.score).toBeGreaterThan(0.5);
    expect(m!.score).toBeLessThanOrEqual(1);
  });
});
