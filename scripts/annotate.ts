/**
 * `npm run annotate -- [--json] [--exclude-source ID] [--kb PATH] [--read FILE]... <file.txt|file.html|->`: prints
 * the entities and claims the matcher finds in a text, readable by default or as JSON for other tools (see
 * scripts/cli/report.ts). With `--read`, the files are read first, in order, and what they state is linked too.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isEntry } from './cli/entry.ts';
import type { KnowledgeBase } from '../shared/kb/types.ts';
import { linkPage, type Page } from '../shared/learn/index.ts';
import { buildMatcher, type MatcherOptions } from '../shared/match/index.ts';
import { parseArgs, USAGE, UsageError } from './cli/args.ts';
import { formatReport } from './cli/format.ts';
import { InputError, readInput } from './cli/input.ts';
import { detectLang } from './cli/lang.ts';
import { loadKb } from './cli/load-kb.ts';
import { pageAddress, readPages, titleOf } from './cli/read.ts';
import { buildReport } from './cli/report.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

/** Where the annotator reads and writes; tests pass their own to run it in-process. */
export interface AnnotateIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<Buffer>;
}

/** Runs the annotator; resolves to the exit code (0 done, 1 bad input or KB, 2 bad command line). */
export async function main(argv: readonly string[], io: AnnotateIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    const { kb, warning } = loadKb(resolve(ROOT, 'shared/kb'), args.kbPath);
    if (warning) io.stderr(`annotate: warning: ${warning}\n`);
    if (args.excludeSource !== undefined && !kb.sources.some((s) => s.id === args.excludeSource)) {
      const known = kb.sources.map((s) => s.id).join(', ');
      throw new InputError(`unknown source for --exclude-source: ${args.excludeSource} (known: ${known})`);
    }
    const input = await readInput(args.input, io.readStdin);
    const lang = detectLang(input.text);
    const options = { excludeSource: args.excludeSource };
    const page: Page = { address: pageAddress(args.input, args.read), title: titleOf(input.text), text: input.text, lang };
    // With pages read, learned names serve linking only: the entities reported stay those the knowledge base describes.
    const { known, result } =
      args.read.length === 0
        ? { known: kb, result: buildMatcher(kb, options).match(input.text) }
        : await withReading(kb, args.read, page, options);
    const report = buildReport({ kb: known, result, lang, excludeSource: args.excludeSource, ...input });
    io.stdout(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    return 0;
  } catch (err) {
    if (err instanceof UsageError) io.stderr(`annotate: ${err.message}\n${USAGE}\n`);
    else if (err instanceof InputError) io.stderr(`annotate: ${err.message}\n`);
    else throw err;
    return err instanceof UsageError ? 2 : 1;
  }
}

/** The page linked to the pages read (and to the curated claims), and the knowledge that links refer to. */
async function withReading(kb: KnowledgeBase, read: readonly string[], page: Page, options: MatcherOptions) {
  const { kb: known, result } = linkPage(await readPages(kb, read), page, options);
  return { known, result };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

if (isEntry(import.meta.url)) {
  const io: AnnotateIo = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: () => readAll(process.stdin),
  };
  process.exitCode = await main(process.argv.slice(2), io);
}
