/** The story evaluation's reading of its folder and its counting, on a small story of our own. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKb } from '../kb/build.ts';
import { evaluatePair, loadStories, parseArticle, storiesTable } from './stories.ts';

const { kb } = buildKb('shared/kb');

const A = `url: https://wire.example/velmar
lang: en
title: Velmar port closed

The port of Velmar was closed on Tuesday after the tanker Orlanda leaked 40 tonnes of chemicals into the harbour, the harbour authority said.
“We expect the port to reopen within three days,” harbour master Marta Kowalczyk told reporters.
`;

const B = `url: https://other.example/tanker
lang: en
title: Tanker spill in Velmar

Harbour master Marta Kowalczyk told reporters she expects the port of Velmar to reopen within three days.
The tanker Orlanda leaked 40 tonnes of chemicals into the harbour of Velmar, the authority said on Tuesday.
`;

function storyDir(labels: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'crossread-stories-'));
  mkdirSync(join(dir, 'velmar'));
  writeFileSync(join(dir, 'velmar', 'en-a.txt'), A);
  writeFileSync(join(dir, 'velmar', 'en-b.txt'), B);
  writeFileSync(join(dir, 'labels-velmar.json'), JSON.stringify({ story: 'velmar', ...labels }));
  return dir;
}

const LABELS = {
  statements: [
    { id: 'reopen', quotes: { 'en-a.txt': ['We expect the port to reopen within three days'], 'en-b.txt': ['she expects the port of Velmar to reopen within three days'] } },
    { id: 'spill', quotes: { 'en-a.txt': ['the tanker Orlanda leaked 40 tonnes of chemicals'], 'en-b.txt': ['The tanker Orlanda leaked 40 tonnes of chemicals'] } },
  ],
};

describe('story evaluation', () => {
  it('reads the header of an article file and refuses one without it', () => {
    expect(parseArticle(A, 'en-a.txt')).toMatchObject({ url: 'https://wire.example/velmar', lang: 'en', title: 'Velmar port closed' });
    expect(() => parseArticle('just text', 'x.txt')).toThrow('x.txt: no blank line after the url:/lang:/title: header');
    expect(() => parseArticle('lang: fr\n\ntext', 'x.txt')).toThrow('x.txt: lang: must be de or en');
  });

  it('refuses a label whose passage is not in its file, naming both', () => {
    const dir = storyDir({ statements: [{ id: 'odd', quotes: { 'en-a.txt': ['not in the text'] } }] });
    expect(() => loadStories(dir)).toThrow('labels-velmar.json: odd: not in en-a.txt: not in the text');
  });

  it('counts shared statements linked and links right for one pair', () => {
    const [story] = loadStories(storyDir(LABELS));
    const [a, b] = story!.articles;
    const result = evaluatePair(kb, story!, a!, b!);
    expect(result.tally.gold).toBe(2);
    expect(result.tally.goldFound + result.missed.length).toBe(2);
    expect(result.tally.foundRight).toBeLessThanOrEqual(result.tally.found);
    expect(result.missed).not.toContain('reopen');
    expect(result.cross).toBe(false);
  });

  it('counts a link that no label supports as wrong', () => {
    const [story] = loadStories(storyDir({ statements: [LABELS.statements[1]] }));
    const [a, b] = story!.articles;
    const result = evaluatePair(kb, story!, a!, b!);
    expect(result.wrong.some((w) => w.startsWith('Harbour master Marta Kowalczyk'))).toBe(true);
    const table = storiesTable([result], new Set());
    expect(table[2]).toMatch(/^\| reported, same language \| 1 \| /);
  });
});
