/**
 * Finds where a malformed JSON text goes wrong. Node's JSON.parse does not always say where (Node 20 reports
 * "Unexpected token" with no position), and a curator editing a 2,000-line file needs the line and column.
 * A recogniser only: it walks the grammar once, builds no values, and stops at the first error.
 */

/** Offset and reason of the first syntax error in `text`, or undefined when it is valid JSON. */
export function findJsonError(text: string): { pos: number; reason: string } | undefined {
  const s = new Scanner(text);
  try {
    s.ws();
    s.value();
    s.ws();
    if (s.i < text.length) s.fail('unexpected text after the end of the JSON value');
    return undefined;
  } catch (err) {
    if (err instanceof SyntaxAt) return { pos: err.pos, reason: err.message };
    throw err;
  }
}

/** `line 3, column 5: expected "," or "}"` */
export function describeJsonError(text: string): string {
  const found = findJsonError(text) ?? { pos: text.length, reason: 'unreadable JSON' };
  const before = text.slice(0, found.pos);
  const line = before.split('\n').length;
  const column = found.pos - before.lastIndexOf('\n');
  return `at line ${line}, column ${column}: ${found.reason}`;
}

class SyntaxAt extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
  }
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
// JSON strings hold no raw control characters (U+0000 to U+001F): the pattern excludes them on purpose.
// eslint-disable-next-line no-control-regex
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*/y;
const WS = /[ \t\n\r]*/y;

class Scanner {
  i = 0;
  constructor(private readonly t: string) {}

  fail(reason: string): never {
    throw new SyntaxAt(reason, this.i);
  }

  ws(): void {
    WS.lastIndex = this.i;
    WS.exec(this.t);
    this.i = WS.lastIndex;
  }

  value(): void {
    const c = this.t[this.i];
    if (c === '{') return this.container('}', true);
    if (c === '[') return this.container(']', false);
    if (c === '"') return this.string();
    for (const word of ['true', 'false', 'null']) if (this.t.startsWith(word, this.i)) return void (this.i += word.length);
    NUMBER.lastIndex = this.i;
    if (NUMBER.exec(this.t)) return void (this.i = NUMBER.lastIndex);
    this.fail(c === undefined ? 'the file ends where a value was expected' : `unexpected ${JSON.stringify(c)}`);
  }

  string(): void {
    this.i++;
    STRING_BODY.lastIndex = this.i;
    STRING_BODY.exec(this.t);
    this.i = STRING_BODY.lastIndex;
    if (this.t[this.i] !== '"') this.fail('bad character or escape in string, or string not closed');
    this.i++;
  }

  /** An object (`keyed`) or array; `close` is its closing bracket. */
  container(close: string, keyed: boolean): void {
    this.i++;
    this.ws();
    if (this.t[this.i] === close) return void this.i++;
    for (;;) {
      if (keyed) this.member();
      else this.value();
      this.ws();
      const c = this.t[this.i];
      if (c === close) return void this.i++;
      if (c !== ',') this.fail(`expected "," or "${close}"`);
      this.i++;
      this.ws();
      if (this.t[this.i] === close) this.fail(`trailing comma before "${close}"`);
    }
  }

  member(): void {
    if (this.t[this.i] !== '"') this.fail('expected a double-quoted property name');
    this.string();
    this.ws();
    if (this.t[this.i] !== ':') this.fail('expected ":" after the property name');
    this.i++;
    this.ws();
    this.value();
  }
}
