/**
 * `npm run bench`: the matcher's speed beside a naive baseline (one regex per alias), measured in the same run
 * on the same input, as ratios. Not a test: figures vary with the machine; the ratios are what to read.
 *   - index build time for the seed KB and a synthetic 100,000-entity / 20,000-claim KB;
 *   - matching throughput over 5 MB of article text with each KB.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMatcher } from '../shared/match/index.ts';
import type { KnowledgeBase } from '../shared/kb/types.ts';
import { buildKb } from './kb/build.ts';
import { compileNaive, matchNaive } from './bench/naive.ts';
import { syntheticKb } from './bench/synthetic.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Median wall time of `runs` calls, in milliseconds. */
function time(runs: number, fn: () => unknown): number {
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

function benchKb(label: string, kb: KnowledgeBase, text: string, naiveSample: { aliases: number; bytes: number }): string[] {
  const mb = text.length / 1e6;
  const heapBefore = heapMb();
  let matcher = buildMatcher(kb);
  const heapIndex = heapMb() - heapBefore;
  const buildMs = time(label === 'seed' ? 15 : 3, () => (matcher = buildMatcher(kb)));
  const aliasCount = kb.entities.reduce((n, e) => n + e.aliases.length, 0);
  const naiveBuildMs = time(3, () => compileNaive(kb.entities));
  const fullMs = time(3, () => matcher.match(text));
  const entityMs = time(3, () => matcher.matchEntities(text));
  // The baseline on the whole text and KB would take hours at scale: run it on a sample and scale linearly
  // in the number of aliases and of characters, which is how a regex-per-alias scan grows.
  const patterns = compileNaive(kb.entities, naiveSample.aliases);
  const sample = text.slice(0, naiveSample.bytes);
  const naiveSampleMs = time(1, () => matchNaive(patterns, sample));
  const naiveMs = naiveSampleMs * (aliasCount / patterns.length) * (text.length / sample.length);
  const scaled = patterns.length < aliasCount || sample.length < text.length;
  return [
    `| ${label} | index build | ${fmt(buildMs)} ms | ${fmt(naiveBuildMs)} ms (compile ${aliasCount} regexes) | ${fmt(naiveBuildMs / buildMs, 2)}× |`,
    `| ${label} | entities only | ${fmt(mb / (entityMs / 1000))} MB/s | ${fmt(mb / (naiveMs / 1000), 3)} MB/s${scaled ? ' (scaled from a sample)' : ''} | ${fmt(naiveMs / entityMs, 0)}× faster |`,
    `| ${label} | entities + claims | ${fmt(mb / (fullMs / 1000))} MB/s | — | ${fmt(naiveMs / fullMs, 0)}× faster than naive entities alone |`,
    `| ${label} | index heap | ${fmt(heapIndex)} MB | | |`,
  ];
}

function main(): void {
  const { kb } = buildKb(join(root, 'shared/kb'));
  const articles = kb.sources.map((s) => s.text).join('\n\n');
  let text = '';
  while (text.length < 5_000_000) text += articles + '\n\n';
  console.log(`Input: ${(text.length / 1e6).toFixed(1)} MB of the five articles repeated; node ${process.version}.\n`);
  console.log('| KB | what | Crossread | naive: one regex per alias | ratio |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const line of benchKb('seed', kb, text, { aliases: Infinity, bytes: Infinity })) console.log(line);
  const large = syntheticKb(100_000, 20_000, kb.concepts);
  for (const line of benchKb('100k entities, 20k claims', large, text, { aliases: 20_000, bytes: 20_000 })) console.log(line);
}

main();
