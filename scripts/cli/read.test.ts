/**
 * `annotate --read`: pages read before the annotated one, run as the real command line (a spawned process, as a
 * tool would call it) on a made-up story of our own. Occurrences must quote the read files exactly, with offsets
 * into the text the annotator extracts from each (for HTML, the extracted text, as the annotator's `text` field).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from './report.ts';
import { htmlToText } from './html-to-text.ts';
import { htmlTitle, pageAddress, titleOf } from './read.ts';

const WIRE =
  'Velmar port closed after chemical spill\n' +
  'The port of Velmar was closed on Tuesday after the tanker Orlanda leaked 40 tonnes of chemicals into the harbour, the harbour authority said.\n' +
  '“We expect the port to reopen within three days,” harbour master Marta Kowalczyk told reporters.\n';

const WIRE_HTML =
  '<!doctype html><html><head><title>Spill</title></head><body><nav>Home · World</nav>' +
  '<h1>Chemical spill shuts Velmar port</h1>' +
  '<p>The port of Velmar was closed on Tuesday after the tanker Orlanda leaked 40 tonnes of chemicals into the harbour, ' +
  'the harbour authority said on Tuesday.</p>' +
  '<p>&ldquo;We expect the port to reopen within three days,&rdquo; harbour master Marta Kowalczyk told reporters.</p></body></html>';

const PAGE =
  'Tanker spill in Velmar\n' +
  'Harbour master Marta Kowalczyk told reporters she expects the port of Velmar to reopen within three days.\n';

const dir = mkdtempSync(join(tmpdir(), 'crossread-read-'));
const files = { wire: join(dir, 'wire.txt'), html: join(dir, 'wire.html'), page: join(dir, 'page.txt') };
writeFileSync(files.wire, WIRE);
writeFileSync(files.html, WIRE_HTML);
writeFileSync(files.page, PAGE);

/** The annotator as a process; the machine is shared and busy, so it gets time. */
function annotate(args: string[]) {
  const run = spawnSync('npx', ['tsx', 'scripts/annotate.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
  const stderr = run.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn'));
  return { status: run.status, stdout: run.stdout, stderr };
}

const learned = (report: Report) => report.claims.filter((c) => c.id.startsWith('learned:'));

describe('annotate --read', () => {
  it('links the page to the pages read, quoting each exactly (HTML by its extracted text)', () => {
    const run = annotate(['--json', '--read', files.wire, '--read', files.html, files.page]);
    expect(run).toMatchObject({ status: 0, stderr: [] });
    const report = JSON.parse(run.stdout) as Report;
    const [claim, ...more] = learned(report);
    expect(more).toEqual([]);
    expect(claim!.text).toBe('Harbour master Marta Kowalczyk told reporters she expects the port of Velmar to reopen within three days.');
    expect(PAGE.slice(claim!.start, claim!.end)).toBe(claim!.text);
    const texts = new Map([
      [files.wire, WIRE],
      [files.html, htmlToText(WIRE_HTML)],
    ]);
    expect(claim!.occurrences.map((o) => o.source)).toEqual([
      { id: files.wire, title: 'Velmar port closed after chemical spill' },
      { id: files.html, title: 'Spill' },
    ]);
    for (const o of claim!.occurrences) {
      expect(Object.keys(o).sort()).toEqual(['end', 'quote', 'source', 'start']);
      expect(o.quote).toBe(texts.get(o.source.id)!.slice(o.start, o.end));
      expect(o.quote).toContain('We expect the port to reopen within three days');
    }
  }, 150_000);

  it('without --read, the same page links to nothing learned', () => {
    const run = annotate(['--json', files.page]);
    expect(run.status).toBe(0);
    expect(learned(JSON.parse(run.stdout) as Report)).toEqual([]);
  }, 150_000);

  it('never links a page to itself, even when it was read too', () => {
    const run = annotate(['--json', '--read', files.page, '--read', files.wire, files.page]);
    expect(run.status).toBe(0);
    const claims = learned(JSON.parse(run.stdout) as Report);
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) {
      expect(claim.occurrences.map((o) => o.source.id)).toEqual([files.wire]);
    }
  }, 150_000);

  it('names a missing page read, and reads nothing from standard input as a page read', () => {
    const missing = annotate(['--json', '--read', join(dir, 'gone.txt'), files.page]);
    expect(missing).toMatchObject({ status: 1, stderr: [`annotate: no such file: ${join(dir, 'gone.txt')}`] });
    const stdin = annotate(['--read', '-', files.page]);
    expect(stdin.status).toBe(2);
    expect(stdin.stderr[0]).toBe('annotate: --read takes a file; standard input can only be the page to annotate');
  }, 150_000);

  it('prints learned links readably, with the file read as their source', () => {
    const run = annotate(['--read', files.wire, files.page]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${files.wire} · Velmar port closed after chemical spill`);
  }, 150_000);
});

describe('read helpers', () => {
  it('titles a text by its first non-empty line, and a page by its <title>', () => {
    expect(titleOf('\n  Velmar   port closed \nmore')).toBe('Velmar port closed');
    expect(htmlTitle('<head><TITLE> Spill &amp; port\n</TITLE></head>')).toBe('Spill & port');
    expect(htmlTitle('<head><title> </title></head>')).toBeUndefined();
  });

  it('knows the annotated page among the pages read by its resolved path', () => {
    expect(pageAddress('./a/page.txt', ['b.txt', 'a/page.txt'])).toBe('a/page.txt');
    expect(pageAddress('page.txt', ['b.txt'])).toBe('page.txt');
  });
});
