/**
 * `npm run annotate -- [--json] [--exclude-source ID] [--kb PATH] [--read FILE]... <file.txt|file.html|->`: prints
 * the entities and claims the matcher finds in a text, readable by default or as JSON for other tools (see
 * scripts/cli/report.ts). With `--read`, the files are read first, in order, and what they state is linked too.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isEntry } from './cli/entry.ts';
import type { KnowledgeBase, Lang } from '../shared/kb/types.ts';
import { isLearnedEntity } from '../shared/learn/index.ts';
import { buildMatcher } from '../shared/match/index.ts';
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
    const known = args.read.length === 0 ? kb : await withReading(kb, args.read, args.input, input.text, lang);
    const matcher = buildMatcher(known, { excludeSource: args.excludeSource });
    const found = matcher.match(input.text);
    // Learned names serve linking; the entities reported stay those the knowledge base describes.
    const result = { ...found, entities: found.entities.filter((e) => !isLearnedEntity(e.entity)) };
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

/** The knowledge base with what the pages read teach, as it applies to this page. */
async function withReading(kb: KnowledgeBase, read: readonly string[], input: string, text: string, lang: Lang) {
  const reading = await readPages(kb, read);
  return reading.knowledgeFor({ address: pageAddress(input, read), title: titleOf(text), text, lang });
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
