/** Gets the annotator its knowledge base: built in-process from the curated files, or loaded from a kb.json. */
import { readFileSync } from 'node:fs';
import type { KnowledgeBase } from '../../shared/kb/types.ts';
import { buildKb } from '../kb/build.ts';
import { countErrors } from '../kb/problems.ts';
import { InputError } from './input.ts';

/** The KB, and a warning when the curated data had errors and only its valid entries were used. */
export interface LoadedKb {
  kb: KnowledgeBase;
  warning?: string;
}

/** Builds the KB from `kbDir`, or reads `kbPath` when given; throws InputError when there is nothing to match. */
export function loadKb(kbDir: string, kbPath: string | undefined): LoadedKb {
  const loaded = kbPath === undefined ? buildFrom(kbDir) : { kb: readKbFile(kbPath) };
  if (loaded.kb.entities.length === 0 && loaded.kb.claims.length === 0) {
    throw new InputError('the knowledge base is empty (no entities and no claims)');
  }
  return loaded;
}

function buildFrom(kbDir: string): LoadedKb {
  const { kb, problems } = buildKb(kbDir);
  const errors = countErrors(problems);
  // Annotating with the valid part still helps while data is being curated, but the user must know it is partial.
  if (errors === 0) return { kb };
  return { kb, warning: `the curated knowledge has ${errors} errors (npm run build-kb lists them); using its valid entries` };
}

function readKbFile(path: string): KnowledgeBase {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code ?? 'not valid JSON';
    throw new InputError(`cannot load knowledge base ${path}: ${why}`);
  }
  if (!isKnowledgeBase(data)) throw new InputError(`${path} is not a kb.json written by build-kb (format 1)`);
  return data;
}

/** Enough of a shape check that a wrong file fails here with a clear message, not deep inside the matcher. */
function isKnowledgeBase(data: unknown): data is KnowledgeBase {
  if (typeof data !== 'object' || data === null) return false;
  const kb = data as Record<string, unknown>;
  return kb.format === 1 && ['sources', 'entities', 'claims', 'concepts'].every((k) => Array.isArray(kb[k]));
}
