/** HTML character references: the named ones news pages actually use, and every numeric one. */

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad',
  ndash: '–', mdash: '—', hellip: '…', bull: '•', middot: '·', times: '×', euro: '€', copy: '©', reg: '®',
  trade: '™', deg: '°', sect: '§', para: '¶', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›',
  lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', prime: '′', Prime: '″',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß',
  eacute: 'é', egrave: 'è', ecirc: 'ê', aacute: 'á', agrave: 'à', acirc: 'â', iacute: 'í', oacute: 'ó',
  uacute: 'ú', ccedil: 'ç', ntilde: 'ñ', Eacute: 'É', zwj: '\u200d', zwnj: '\u200c', thinsp: '\u2009',
  ensp: '\u2002', emsp: '\u2003',
};

/** Names browsers still decode without the closing semicolon, as old pages write them (`AT&amp T`, `&nbsp`). */
const LEGACY = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp']);

const REFERENCE = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,8}));?/g;

/** `text` with its character references replaced; unknown names stay as written, as browsers leave them. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, dec?: string, hex?: string, name?: string) => {
    if (name === undefined) return codePoint(dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16));
    const terminated = whole.endsWith(';') || LEGACY.has(name);
    return terminated && Object.hasOwn(NAMED, name) ? NAMED[name]! : whole;
  });
}

/** Browsers turn NUL, surrogates and out-of-range numbers into U+FFFD rather than failing. */
function codePoint(n: number): string {
  if (n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(n);
}
