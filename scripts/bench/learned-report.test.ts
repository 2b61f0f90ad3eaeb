import { describe, expect, it } from 'vitest';
import { SyntheticNews } from './learned-corpus.ts';
import { LEARNED_HEADING, learnedSection, withLearnedSection } from './report.ts';
import type { LevelResult } from './learned.ts';
import { extractStatements } from '../../shared/learn/index.ts';

const level = (articles: number, linkColdMs: number): LevelResult => ({
  articles,
  statements: articles * 30,
  recordMs: 10,
  linkColdMs,
  linkWarmMs: linkColdMs / 2,
  linkedSpans: 4,
  lookupMs: 5,
  lookupAllMs: 8,
  scanMs: 50,
  lookupRows: 100,
  scanRows: articles * 20,
  candidates: 12,
  learnedMb: articles / 100,
  usageMb: articles / 50,
});

describe('the pages-read section of BENCHMARKS.md', () => {
  it('sets each level beside the baseline and the index beside a full scan', () => {
    const section = learnedSection({ browser: 'Chrome/1', fillMs: [5, 6, 7], levels: [level(1, 100), level(1_000, 150), level(10_000, 300)] });
    expect(section).toContain('| 10,000 | 300,000 | 300 ms (3.0× the baseline) |');
    expect(section).toContain('| 10,000 | 5.0 ms | 8.0 ms | 50.0 ms | 10× |');
  });

  it('shows where the time of a link went, phase by phase, and how many of the probes\' own story articles were candidates', () => {
    const phased = { ...level(10_000, 300), coldPhases: { extract: 2, lookup: 40, load: 10, read: 150, link: 80, store: 20 }, warmPhases: { lookup: 35, link: 30 }, storyArticles: 9, storyFound: 8 };
    const section = learnedSection({ browser: 'Chrome/1', fillMs: [5, 6], levels: [level(1, 100), phased] });
    expect(section).toContain('| 10,000 | 2.0 ms / 0.00 ms | 40.0 ms / 35.0 ms | 10.0 ms / 0.00 ms | 150 ms / 0.00 ms | 80.0 ms / 30.0 ms | 20.0 ms / 0.00 ms | 8 of 9 |');
    // The level measured without phases has no row there.
    expect(section).not.toMatch(/^\| 1 \| [\d.]+ ms \/ /m);
  });

  it('replaces only its own section when run alone, and adds it when missing', () => {
    const report = `# Benchmarks\n\n## Aims\n\nkept\n\n${LEARNED_HEADING}\n\nold figures\n\n## Later\n\nkept too\n`;
    const out = withLearnedSection(report, `${LEARNED_HEADING}\n\nnew figures\n`);
    expect(out).toBe(`# Benchmarks\n\n## Aims\n\nkept\n\n${LEARNED_HEADING}\n\nnew figures\n\n## Later\n\nkept too\n`);
    expect(withLearnedSection('# Benchmarks\n\nx\n', `${LEARNED_HEADING}\n\nnew\n`)).toBe(`# Benchmarks\n\nx\n\n${LEARNED_HEADING}\n\nnew\n`);
  });
});

describe('the synthetic news of the bench', () => {
  it('is the same every run, and its statements are found by the extraction the extension uses', () => {
    const a = new SyntheticNews().article(0);
    expect(new SyntheticNews().article(0)).toEqual(a);
    const news = new SyntheticNews();
    let written = 0;
    let found = 0;
    for (let i = 0; i < 30; i++) {
      const article = news.article(i);
      written += article.statements;
      found += extractStatements(article.text, article.lang).statements.length;
    }
    expect(found).toBeGreaterThanOrEqual(written * 0.9);
  });
});
