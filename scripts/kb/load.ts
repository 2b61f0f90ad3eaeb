/** Reads the curated files and the corpus from disk; reports unreadable or malformed files with their position. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describeJsonError } from './json-error.ts';
import { fail, warn, type Problem } from './problems.ts';

/** The curated files as parsed JSON (not yet checked) and the corpus texts by source id. */
export interface RawKb {
  dir: string;
  entities: unknown;
  sources: unknown;
  claims: unknown;
  lexicon: unknown;
  /** Source id (corpus file name without `.txt`) → full text. */
  texts: Map<string, string>;
}

/** Loads everything under `dir`; missing or malformed files leave their part `undefined` and a problem behind. */
export function loadKbDir(dir: string, problems: Problem[]): RawKb {
  return {
    dir,
    entities: readJson(join(dir, 'entities.json'), problems, true),
    sources: readJson(join(dir, 'sources.json'), problems, true),
    claims: readJson(join(dir, 'claims.json'), problems, true),
    // The lexicon only sharpens claim matching; without it the KB is still usable.
    lexicon: readJson(join(dir, 'lexicon.json'), problems, false),
    texts: readCorpus(join(dir, 'corpus')),
  };
}

function readJson(file: string, problems: Problem[], required: boolean): unknown {
  if (!existsSync(file)) {
    (required ? fail : warn)({ problems, file }, 'file is missing');
    return undefined;
  }
  // A byte-order mark some editors add is not JSON, but it is no reason to fail the build either.
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch {
    fail({ problems, file }, `malformed JSON ${describeJsonError(text)}`);
    return undefined;
  }
}

function readCorpus(dir: string): Map<string, string> {
  const texts = new Map<string, string>();
  if (!existsSync(dir)) return texts;
  // Sorted so that everything derived from the corpus comes out in the same order on every machine.
  const names = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
  for (const name of names) texts.set(basename(name, '.txt'), readFileSync(join(dir, name), 'utf8'));
  return texts;
}
