/**
 * Parses the annotator's command line:
 * `[--json] [--exclude-source ID] [--kb PATH] [--read FILE]... <file.txt|file.html|->`.
 */

/** What the user asked for. */
export interface AnnotateArgs {
  json: boolean;
  excludeSource?: string;
  /** A built kb.json to load instead of building shared/kb in-process. */
  kbPath?: string;
  /** A file path, or '-' for standard input. */
  input: string;
  /** Pages read before the input, in order (each `--read FILE`): their statements are learned first. */
  read: string[];
}

export const USAGE =
  'usage: npm run annotate -- [--json] [--exclude-source ID] [--kb PATH] [--read FILE]... <file.txt|file.html|->';

/** A mistake on the command line: reported with the usage line and exit code 2. */
export class UsageError extends Error {}

const VALUED = new Set(['--exclude-source', '--kb', '--read']);

/** The parsed arguments; throws UsageError for an unknown option, a missing value or a wrong number of inputs. */
export function parseArgs(argv: readonly string[]): AnnotateArgs {
  const inputs: string[] = [];
  const values = new Map<string, string>();
  const read: string[] = [];
  let json = false;
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) inputs.push(arg);
    else if (arg === '--') optionsEnded = true;
    else if (arg === '--json') json = true;
    else {
      const [name, inline] = splitOption(arg);
      if (!VALUED.has(name)) throw new UsageError(`unknown option ${arg}`);
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      if (name === '--read') {
        if (value === '-') throw new UsageError('--read takes a file; standard input can only be the page to annotate');
        read.push(value);
      } else values.set(name, value);
    }
  }
  if (inputs.length !== 1) throw new UsageError(inputs.length === 0 ? 'no input given' : 'give exactly one input');
  return { json, excludeSource: values.get('--exclude-source'), kbPath: values.get('--kb'), input: inputs[0]!, read };
}

/** `--kb=x` → ['--kb', 'x']; `--kb` → ['--kb', undefined]. */
function splitOption(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return eq === -1 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}
