import { describe, expect, it } from 'vitest';
import type { Finding } from './findings.ts';
import { calibrated } from '../../shared/match/calibration.ts';
import { DEFAULT_THRESHOLD } from '../../shared/match/index.ts';
import { buildReport, firstPerPassage, recordable, RECORD_MIN_SCORE } from './report.ts';

const finding = (kind: Finding['kind'], id: string, start: number, text = 'x'): Finding =>
  ({ kind, id, start, end: start + text.length, text, score: kind === 'claim' ? 0.8 : 1, range: {} as Range });

describe('buildReport', () => {
  it('counts entities in first-seen order and keeps claims in page order', () => {
    const report = buildReport(
      [finding('entity', 'putin', 0), finding('claim', 'pact', 0, 'Pakt'), finding('entity', 'kim', 9), finding('entity', 'putin', 20)],
      'https://example.org/a',
      'Titel',
    );
    expect(report).toEqual({
      url: 'https://example.org/a',
      title: 'Titel',
      entities: [{ id: 'putin', count: 2 }, { id: 'kim', count: 1 }],
      claims: [{ id: 'pact', start: 0, end: 4, text: 'Pakt', score: 0.8 }],
    });
  });

  it('caps what a hostile page can make us store', () => {
    const report = buildReport([finding('claim', 'c', 0, 'y'.repeat(5000))], 'u', 't'.repeat(5000));
    expect(report.claims[0]?.text.length).toBe(1000);
    expect(report.title.length).toBe(1000);
  });
});

describe('recordable', () => {
  const scored = (kind: Finding['kind'], score: number) => ({ kind, score });

  it('records a page only for claims matched at or above the recording score', () => {
    const found = [scored('claim', RECORD_MIN_SCORE), scored('claim', RECORD_MIN_SCORE - 0.01), scored('claim', 0.99)];
    expect(recordable(found)).toEqual([found[0], found[2]]);
  });

  it('never records a claim at the highlight threshold alone, nor an entity', () => {
    const atThreshold = calibrated(DEFAULT_THRESHOLD);
    expect(RECORD_MIN_SCORE).toBeGreaterThan(atThreshold);
    expect(recordable([scored('claim', atThreshold), scored('entity', 1)])).toEqual([]);
  });
});

describe('firstPerPassage', () => {
  it('keeps the first finding of each wording of each claim, in page order, and every claim and wording once', () => {
    const first = finding('claim', 'pact', 0, 'Russland und Nordkorea  schließen einen Pakt.');
    const again = finding('claim', 'pact', 900, 'Russland und Nordkorea schließen einen Pakt.');
    const other = finding('claim', 'pact', 100, 'Der Pakt gilt.');
    const otherClaim = finding('claim', 'visit', 200, 'Russland und Nordkorea schließen einen Pakt.');
    expect(firstPerPassage([first, other, otherClaim, again])).toEqual([first, other, otherClaim]);
    expect(firstPerPassage([])).toEqual([]);
  });
});
