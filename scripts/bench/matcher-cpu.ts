/**
 * The seed matcher's speed in CPU time, for working on the matcher on a shared machine, where wall time says little:
 * `node --expose-gc --import tsx scripts/bench/matcher-cpu.ts [runs]`. Over the same texts as `npm run bench`
 * (the source articles repeated to 5 MB and to 1 MB) it prints, as medians of `runs` matches (default 5): MB/s with
 * claims and entities only, and the cost of matching the 1 MB in the 32,000-character pieces the page cuts, against
 * matching it whole. It ends with a hash of every match of each text, pieces included, so that a change can be
 * checked to find exactly the same (the 10,000- and 100,000-entity KBs are `npm run bench -- --node-only`).
 * Add `--prof` to run it under `node --cpu-prof` and read the profile.
 */
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMatcher, type Matcher } from '../../shared/match/index.ts';
import { buildKb } from '../kb/build.ts';
import { median } from './stats.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const runs = Number(process.argv[2] ?? 5);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`matcher-cpu: runs must be a positive whole number, not ${process.argv[2]}`);

/** The source articles repeated to `size` characters, as the bench builds its texts. */
function articleText(texts: string[], size: number): string {
  const one = texts.join('\n\n');
  let text = '';
  while (text.length < size) text += one + '\n\n';
  return text;
}

/** Pieces of about `size` characters ending at a paragraph break, as the content script cuts a page. */
function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const cut = text.lastIndexOf('\n\n', end);
      if (cut > start) end = cut + 2;
    }
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}

/**
 * CPU milliseconds (user and system, every thread of the process) of one call, the collector's share included. No
 * forced collection before it: the collector's threads would go on sweeping into the measured call.
 */
function cpuMs(fn: () => unknown): number {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

/** The median of `runs` calls and, beside it, the least, which other work on the machine inflates least. */
function medianCpu(fn: () => unknown): { median: number; least: number } {
  const times = Array.from({ length: runs }, () => cpuMs(fn));
  return { median: median(times), least: Math.min(...times) };
}

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

const { kb } = buildKb(join(root, 'shared/kb'));
const texts = kb.sources.map((s) => s.text);
const five = articleText(texts, 5_000_000);
const one = articleText(texts, 1_000_000);
const cut = pieces(one, 32_000);
const big = pieces(one, 128_000);
const matcher: Matcher = buildMatcher(kb);
matcher.match(one.slice(0, 50_000)); // warm the JIT

const rate = (text: string, ms: number) => (text.length / 1e6 / (ms / 1000)).toFixed(1);
const rates = (text: string, t: { median: number; least: number }) => `${rate(text, t.median)} MB/s (best ${rate(text, t.least)})`;
const f5 = medianCpu(() => matcher.match(five));
const e5 = medianCpu(() => matcher.matchEntities(five));
const f1 = medianCpu(() => matcher.match(one));
const e1 = medianCpu(() => matcher.matchEntities(one));
const p32 = medianCpu(() => cut.map((p) => matcher.match(p)));
const p128 = medianCpu(() => big.map((p) => matcher.match(p)));
const [load] = (await import('node:os')).loadavg();
const ms = (t: { median: number; least: number }) => `${t.median.toFixed(0)} ms (best ${t.least.toFixed(0)})`;
console.log(`CPU time, medians of ${runs}; load average ${load!.toFixed(1)}`);
console.log(`5 MB: ${rates(five, f5)} with claims, ${rates(five, e5)} entities only`);
console.log(`1 MB: ${rates(one, f1)} with claims, ${rates(one, e1)} entities only`);
console.log(`1 MB with claims in ${cut.length} pieces of 32k: ${ms(p32)}; in ${big.length} of 128k: ${ms(p128)}; whole: ${ms(f1)}`);
console.log(`hashes: 5 MB ${hash(matcher.match(five))}, entities ${hash(matcher.matchEntities(five))}; 1 MB ${hash(matcher.match(one))}; 32k pieces ${hash(cut.map((p) => matcher.match(p)))}`);
