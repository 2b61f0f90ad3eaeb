/**
 * The annotate contract: other tools parse `--json`, so its shape, its offsets and its quotes are checked exactly,
 * on a corpus article, on English text of our own and on an HTML page, with the real knowledge base and matcher.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from './annotate.ts';
import { buildKb } from './kb/build.ts';
import { writeKb } from './kb/write.ts';
import type { Report } from './cli/report.ts';

// Several tests start tsx or npm as a process: a second or two alone, far more on a busy 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

const ARTICLE = 'shared/kb/corpus/003_4aeac8d87378f449.txt';
const ENGLISH = 'scripts/cli/fixtures/english.txt';
const HTML = 'scripts/cli/fixtures/article.html';
const { kb } = buildKb('shared/kb');
const sourceText = new Map(kb.sources.map((s) => [s.id, s.text]));

/** Runs the annotator in-process, as the command line would. */
async function annotate(argv: string[], stdin = '') {
  let out = '';
  let err = '';
  const code = await main(argv, {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    readStdin: async () => Buffer.from(stdin),
  });
  return { code, out, err };
}

async function annotateJson(argv: string[], stdin = ''): Promise<Report> {
  const { code, out, err } = await annotate(['--json', ...argv], stdin);
  expect({ code, err }).toEqual({ code: 0, err: '' });
  return JSON.parse(out) as Report;
}

/** Exactly the documented keys and types, offsets that slice back to the reported text, quotes as the sources say. */
function expectContract(report: Report, input: string): void {
  for (const e of report.entities) {
    expect(Object.keys(e).sort()).toEqual(['end', 'id', 'name', 'start', 'text', 'type']);
    expect(e.text).toBe(input.slice(e.start, e.end));
    expect(e.text.length).toBeGreaterThan(0);
  }
  for (const c of report.claims) {
    expect(Object.keys(c).sort()).toEqual(['end', 'id', 'occurrences', 'score', 'start', 'statement', 'text']);
    expect(c.text).toBe(input.slice(c.start, c.end));
    expect(typeof c.score).toBe('number');
    for (const o of c.occurrences) {
      expect(Object.keys(o).sort()).toEqual(['end', 'quote', 'source', 'start']);
      expect(Object.keys(o.source).sort()).toEqual(['id', 'title']);
      expect(o.quote).toBe(sourceText.get(o.source.id)!.slice(o.start, o.end));
    }
  }
}

describe('annotate --json', () => {
  it('on a corpus article: German names, the article\'s claims with every source that states them', async () => {
    const input = readFileSync(ARTICLE, 'utf8');
    const report = await annotateJson([ARTICLE]);
    expect(Object.keys(report).sort()).toEqual(['claims', 'entities', 'kbVersion', 'lang']);
    expectContract(report, input);
    expect(report.lang).toBe('de');
    expect(report.entities).toContainEqual(expect.objectContaining({ id: 'vladimir-putin', name: 'Wladimir Putin', type: 'person' }));
    const sourcesPerClaim = report.claims.map((c) => new Set(c.occurrences.map((o) => o.source.id)).size);
    expect(Math.max(...sourcesPerClaim)).toBeGreaterThanOrEqual(3);
    const opening = report.claims.find((c) => c.start === 0);
    expect(opening?.text).toBe('Russlands Präsident Wladimir Putin schließt nach eigenen Angaben Waffenlieferungen an Nordkorea nicht aus.');
  });

  it('on English text: English names and statements, and no claim in the off-topic sentence', async () => {
    const input = readFileSync(ENGLISH, 'utf8');
    const report = await annotateJson([ENGLISH]);
    expectContract(report, input);
    expect(report.lang).toBe('en');
    expect(report.entities).toContainEqual(expect.objectContaining({ id: 'vladimir-putin', name: 'Vladimir Putin', text: 'Vladimir Putin' }));
    expect(report.entities).toContainEqual(expect.objectContaining({ id: 'pyongyang', text: 'Pyongyang' }));
    const statementsEn = new Set(kb.claims.map((c) => c.statement.en));
    expect(report.claims.length).toBeGreaterThan(0);
    for (const c of report.claims) expect(statementsEn).toContain(c.statement);
    const weather = input.indexOf('The weather');
    expect(report.claims.filter((c) => c.end > weather)).toEqual([]);
  });

  it('--exclude-source leaves that source out, as if the KB had never seen it', async () => {
    const id = '003_4aeac8d87378f449';
    const all = await annotateJson([ARTICLE]);
    const without = await annotateJson(['--exclude-source', id, ARTICLE]);
    const sourcesIn = (r: Report) => new Set(r.claims.flatMap((c) => c.occurrences.map((o) => o.source.id)));
    expect(sourcesIn(all)).toContain(id);
    expect(sourcesIn(without)).not.toContain(id);
    expectContract(without, readFileSync(ARTICLE, 'utf8'));
    const onlyThere = kb.claims.filter((c) => c.occurrences.every((o) => o.source === id)).map((c) => c.id);
    for (const c of without.claims) expect(onlyThere).not.toContain(c.id);
    expect(without.claims.some((c) => c.start === 0)).toBe(true);
  });

  it('on HTML: offsets into the extracted text, which is printed too', async () => {
    const report = await annotateJson([HTML]);
    expect(report.text).toBeDefined();
    expect(report.text).not.toMatch(/Vorlage|JavaScript|color|headline|Beispielseite/);
    expectContract(report, report.text!);
    expect(report.entities.map((e) => e.text)).toEqual(expect.arrayContaining(['Wladimir\u00a0Putin', 'Pjöngjang', 'Kim Jong Un']));
    expect(report.claims.map((c) => c.text)).toContain(
      'Russlands Präsident schließt nach eigenen Angaben Waffenlieferungen an Nordkorea nicht aus.',
    );
    const piped = await annotateJson(['-'], readFileSync(HTML, 'utf8'));
    expect(piped).toEqual(report);
  });
});

describe('annotate --kb', () => {
  it('uses a built kb.json just as the in-process build', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'crossread-kbfile-')), 'kb.json');
    writeKb(file, kb);
    expect(await annotateJson(['--kb', file, ENGLISH])).toEqual(await annotateJson([ENGLISH]));
  });
});

describe('annotate, readable', () => {
  it('shows each entity with name, type and matched text, each claim with score, statement, passage and quotes', async () => {
    const { code, out } = await annotate([ENGLISH]);
    expect(code).toBe(0);
    expect(out).toContain('Language: English');
    expect(out).toContain('Vladimir Putin (person): “Vladimir Putin” at 67–81');
    expect(out).toMatch(/\n {2}\d\.\d\d {2}South Korea summoned the Russian ambassador/);
    expect(out).toContain('here, at 455–519: “South Korea summoned the Russian ambassador in Seoul in protest.”');
    expect(out).toContain('“Südkorea bestellte den russischen Botschafter ein, um gegen den Pakt mit Nordkorea zu protestieren');
  });
});

describe('annotate errors: one line on stderr, non-zero exit', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'crossread-annotate-'));

  it('a missing file, a directory, input that is not UTF-8', async () => {
    expect(await annotate(['no/such.txt'])).toEqual({ code: 1, out: '', err: 'annotate: no such file: no/such.txt\n' });
    expect(await annotate([tmp])).toMatchObject({ code: 1, err: `annotate: ${tmp} is a directory, not a text or HTML file\n` });
    const binary = join(tmp, 'latin1.txt');
    writeFileSync(binary, Buffer.from([0x50, 0xfc, 0x74, 0x69, 0x6e]));
    expect(await annotate([binary])).toMatchObject({ code: 1, err: `annotate: ${binary} is not UTF-8 text\n` });
  });

  it('an unknown option, with the usage line', async () => {
    const { code, err } = await annotate(['--verbose', ENGLISH]);
    expect(code).toBe(2);
    expect(err.split('\n')[0]).toBe('annotate: unknown option --verbose');
    expect(err).toContain('usage: npm run annotate --');
  });

  it('an unknown --exclude-source id, naming the known ones', async () => {
    const { code, err } = await annotate(['--exclude-source', 'bild-2024', ENGLISH]);
    expect(code).toBe(1);
    expect(err).toMatch(/^annotate: unknown source for --exclude-source: bild-2024 \(known: 000_4e0c148ea55a6d80, .*\)\n$/);
  });

  it('an empty knowledge base, and a --kb file that is missing or not a kb.json', async () => {
    const empty = join(tmp, 'empty.json');
    writeFileSync(empty, JSON.stringify({ format: 1, version: 'x', sources: [], entities: [], claims: [], concepts: [] }));
    expect(await annotate(['--kb', empty, ENGLISH])).toMatchObject({
      code: 1,
      err: 'annotate: the knowledge base is empty (no entities and no claims)\n',
    });
    expect(await annotate(['--kb', join(tmp, 'none.json'), ENGLISH])).toMatchObject({ code: 1, err: expect.stringMatching(/no such file\n$/) });
    expect(await annotate(['--kb', ENGLISH, ENGLISH])).toMatchObject({ code: 1, err: expect.stringMatching(/not valid JSON\n$/) });
  });

  it('as a real process: exit status and stderr reach the shell', () => {
    const run = spawnSync('npx', ['tsx', 'scripts/annotate.ts', '--json', 'missing.html'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n').filter((l) => !l.startsWith('npm warn'))).toEqual(['annotate: no such file: missing.html']);
    const piped = spawnSync('npx', ['tsx', 'scripts/annotate.ts', '--json', '-'], { encoding: 'utf8', input: 'Kim Jong Un traf Putin.' });
    expect(piped.status).toBe(0);
    expect(JSON.parse(piped.stdout).entities.map((e: { id: string }) => e.id)).toEqual(['kim-jong-un', 'vladimir-putin']);
    // Two real `npx tsx` processes: about 1.5 s each on an idle machine, 3.5 s each on a loaded 2-core one, past
    // Vitest's default 5 s. The test is about exit status and stderr, not speed.
  }, 120_000);
});
