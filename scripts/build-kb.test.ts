import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildKb } from './kb/build.ts';
import { copyFixtureKb, editJson, FIXTURE_KB } from './kb/fixtures/temp-kb.ts';
import { formatProblem } from './kb/problems.ts';
import { serializeKb } from './kb/write.ts';

// The first tests start tsx as a process: a second or two alone, far more on a busy 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

const TSX = ['tsx', 'scripts/build-kb.ts'];

function runBuild(args: string[]) {
  return spawnSync('npx', [...TSX, ...args], { encoding: 'utf8' });
}

describe('npm run build-kb', () => {
  it('writes byte-identical kb.json on two runs, and prints a one-line summary', () => {
    const out = mkdtempSync(join(tmpdir(), 'crossread-out-'));
    const first = runBuild(['--kb-dir', FIXTURE_KB, '--out', join(out, 'a.json')]);
    runBuild(['--kb-dir', FIXTURE_KB, '--out', join(out, 'b.json')]);
    expect(first.status).toBe(0);
    expect(readFileSync(join(out, 'a.json'))).toEqual(readFileSync(join(out, 'b.json')));
    expect(first.stdout).toMatch(/^build-kb: 2 sources, 3 entities, 2 claims, 2 concepts; version [0-9a-f]{12}; 0 errors/);
  });

  it('fails with the problem on stderr and writes nothing when the data is wrong', () => {
    const dir = copyFixtureKb();
    editJson(dir, 'claims.json', (c) => (c[0].speaker = 'nobody'));
    const out = join(dir, 'kb.json');
    const run = runBuild(['--kb-dir', dir, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: .*claims\.json: claim "port-grows-by-two-quays": refers to unknown entity "nobody"$/m);
    expect(run.stdout).toContain('nothing written');
    expect(() => readFileSync(out)).toThrow();
  });

  it('rejects an unknown option', () => {
    const run = runBuild(['--frobnicate']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('build-kb: unknown or incomplete option "--frobnicate"');
  });
});

describe('the curated knowledge base in shared/kb', () => {
  it('builds without errors', () => {
    const { kb, problems } = buildKb('shared/kb');
    const errors = problems.filter((p) => p.level === 'error').map(formatProblem);
    expect(errors).toEqual([]);
    expect(kb.sources).toHaveLength(5);
    expect(kb.entities.length).toBeGreaterThan(0);
    expect(kb.claims.length).toBeGreaterThan(0);
  });

  it('builds to the same bytes twice', () => {
    expect(serializeKb(buildKb('shared/kb').kb)).toBe(serializeKb(buildKb('shared/kb').kb));
  });

  it('has every occurrence resolve to its quote in its source', () => {
    const { kb } = buildKb('shared/kb');
    const texts = new Map(kb.sources.map((s) => [s.id, s.text]));
    for (const { source, selector } of kb.claims.flatMap((c) => c.occurrences)) {
      expect(texts.get(source)!.slice(selector[1].start, selector[1].end)).toBe(selector[0].exact);
    }
  });
});
