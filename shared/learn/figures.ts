/**
 * Figures in a statement, as values that German and English text can compare: "1,600 feet" and "500 Meter",
 * "17,9 Kilometern" and "17.9km", "drei Milliarden" and "3 billion", "mindestens 76 Toten" and "at least 76
 * people". Two outlets reporting the same statement give the same figures (rounded, converted, in words or
 * digits); two sentences of one story that give different figures ("76 dead" and "284 dead") state different
 * things, however many names and words they share.
 *
 * Only quantities count: years (1900–2099 as a bare number), days of a month ("June 6", "8. Juni", "06.06.2023")
 * and clock times are left out, and so are "one"/"ein" (an article in German) and vague amounts ("thousands").
 */
import type { Concept } from '../kb/types.ts';
import { normalizeWord } from '../text/normalize.ts';
import { tokenize } from '../text/tokenize.ts';

/** One quantity: its value as written and, for a foreign unit, its value in metric units. */
export interface Figure {
  value: number;
  /** The metric value of a length, area or weight given in imperial units ("1,600 feet" → 487.7). */
  metric?: number;
  /** Decimal places as written ("17.9" → 1); a rounded figure matches a precise one at its own precision. */
  decimals: number;
  /** The figure as written, with its scale word or unit ("1,600 feet", "drei Milliarden"). */
  text?: string;
}

const WORD_VALUES: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
  zwei: 2, drei: 3, vier: 4, fuenf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwoelf: 12,
  zwanzig: 20, dreissig: 30, vierzig: 40, fuenfzig: 50, hundert: 100,
};

/** Scale words after a number: "3 billion", "drei Milliarden", "4.8 Mrd.". */
const SCALES: Record<string, number> = {
  thousand: 1e3, tausend: 1e3, million: 1e6, millions: 1e6, millionen: 1e6, mio: 1e6, mn: 1e6, m: 1e6,
  billion: 1e9, billions: 1e9, bn: 1e9, milliarde: 1e9, milliarden: 1e9, mrd: 1e9, trillion: 1e12, billionen: 1e12,
};

/** Imperial units and their metric factor (to metres, square kilometres, kilograms, litres, km/h, °C apart). */
const IMPERIAL: Record<string, number> = {
  foot: 0.3048, feet: 0.3048, ft: 0.3048, mile: 1.609344, miles: 1.609344, mi: 1.609344, yard: 0.9144, yards: 0.9144,
  inch: 0.0254, inches: 0.0254, pound: 0.4536, pounds: 0.4536, lb: 0.4536, lbs: 0.4536, gallon: 3.785, gallons: 3.785,
  mph: 1.609344,
};

const MONTHS = new Set(
  (
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'januar februar maerz april mai juni juli august september oktober november dezember'
  ).split(' '),
);

/** A number as written: digits with thousands separators or a decimal mark, or "4:17" (a time); not a code ("F-22"). */
const NUMBER = /(?<![\p{L}\d.,:]|\p{L}-)(\d{1,3}(?:([.,'’])\d{3})+|\d+(?:[.,]\d+)?)(?::\d{2})?(?![\d:])/gu;

/** The quantities a sentence gives. */
export function figuresOf(text: string): Figure[] {
  const out: Figure[] = [];
  const words = [...text.matchAll(/[\p{L}]+|\d[\d.,:'’]*\d|\d/gu)].map((m) => ({ at: m.index, end: m.index + m[0].length, norm: normalizeWord(m[0]) }));
  const wordAfter = (end: number) => words.find((w) => w.at >= end && /\p{L}/u.test(w.norm));
  const wordBefore = (at: number) => [...words].reverse().find((w) => w.end <= at && /\p{L}/u.test(w.norm));
  for (const m of text.matchAll(NUMBER)) {
    const raw = m[0];
    const at = m.index;
    const end = at + raw.length;
    if (raw.includes(':')) continue; // a clock time
    const before = text.slice(Math.max(0, at - 1), at);
    const after = text.slice(end, end + 2);
    if (/^\.\d/.test(after) || (before === '.' && /\d/.test(text[at - 2] ?? ''))) continue; // part of a date "06.06.2023"
    const next = wordAfter(end);
    const prev = wordBefore(at);
    const gapAfter = next ? text.slice(end, next.at) : '';
    const gapBefore = prev ? text.slice(prev.end, at) : '';
    if ((next && MONTHS.has(next.norm) && /^\.?\s*$/.test(gapAfter)) || (prev && MONTHS.has(prev.norm) && /^\s*$/.test(gapBefore))) continue;
    let value: number;
    let decimals = 0;
    if (m[2] !== undefined) {
      value = Number(raw.replace(/[.,'’]/g, ''));
    } else if (/[.,]/.test(raw)) {
      // "17,9" in German, "17.9" in English; "7.4" written with a point in Swiss German text is a decimal too.
      const [whole, frac] = raw.split(/[.,]/) as [string, string];
      value = Number(`${whole}.${frac}`);
      decimals = frac.length;
    } else {
      value = Number(raw);
    }
    if (!Number.isFinite(value)) continue;
    if (decimals === 0 && value >= 1900 && value <= 2099 && m[2] === undefined) continue; // a year
    const scale = next && /^\s*$/.test(gapAfter) ? SCALES[next.norm] : undefined;
    if (scale) value *= scale;
    const unit = next && /^[\s-]*$/.test(gapAfter) ? IMPERIAL[next.norm] : undefined;
    const upTo = (scale || unit) && next ? next.end : end;
    out.push({ value, decimals: scale ? 0 : decimals, text: text.slice(at, upTo), ...(unit && { metric: value * unit }) });
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const v = WORD_VALUES[w.norm];
    if (v === undefined) continue;
    const next = words[i + 1];
    const scale = next ? SCALES[next.norm] : undefined;
    // German writes "dreißig" and English "thirty": both are words here; "ein"/"one" is never a figure.
    out.push({ value: scale ? v * scale : v, decimals: 0, text: text.slice(w.at, scale ? next!.end : w.end) });
  }
  return out;
}

function close(a: number, b: number, decimals: number, approximate: boolean): boolean {
  if (a === b) return true;
  if (approximate || Math.max(a, b) >= 100) return Math.abs(a - b) <= 0.1 * Math.max(a, b);
  const f = 10 ** decimals;
  return Math.round(a * f) === Math.round(b * f);
}

/** Whether two figures may be one quantity: the same value, rounded to the coarser one, or converted. */
export function sameFigure(a: Figure, b: Figure): boolean {
  const decimals = Math.min(a.decimals, b.decimals);
  if (close(a.value, b.value, decimals, false)) return true;
  if (a.metric !== undefined && close(a.metric, b.value, decimals, true)) return true;
  if (b.metric !== undefined && close(a.value, b.metric, decimals, true)) return true;
  return a.metric !== undefined && b.metric !== undefined && close(a.metric, b.metric, decimals, true);
}

/** Whether two sentences' figures agree: true when they share one; false when both give figures and share none. */
export function figuresAgree(a: readonly Figure[], b: readonly Figure[]): boolean | undefined {
  if (a.length === 0 || b.length === 0) return undefined;
  return a.some((x) => b.some((y) => sameFigure(x, y)));
}

/**
 * Whether two sentences share a telling figure: one that is not a small count any sentence may give (two to
 * twelve), i.e. a precise or large quantity ("17.9 km", "1,600 feet", "76 dead", "3 billion").
 */
export function shareTellingFigure(a: readonly Figure[], b: readonly Figure[]): boolean {
  return a.some((x) => telling(x) && b.some((y) => telling(y) && sameFigure(x, y)));
}

const telling = (f: Figure) => f.decimals > 0 || f.value > 12 || f.metric !== undefined;

/** A figure as a lexicon term: its words, each exactly ("1$ 600$ feet$"). */
function termOf(f: Figure): string | undefined {
  if (!f.text) return undefined;
  const t = tokenize(f.text);
  const words: string[] = [];
  for (let i = 0; i < t.count; i++) words.push(`${t.norm[i]}$`);
  return words.length > 0 ? words.join(' ') : undefined;
}

/**
 * Concepts joining the telling figures of a page with the same figures written otherwise in the statements read
 * ("500 Meter" and "1,600 feet", "17,9 Kilometern" and "18 kilometers", "drei Milliarden" and "3 billion"), so
 * that the matcher counts a shared figure as a shared feature, like a shared word.
 */
export function figureConcepts(page: string, learned: readonly string[]): Concept[] {
  const mine = figuresOf(page).filter(telling);
  if (mine.length === 0) return [];
  const theirs = learned.flatMap((text) => figuresOf(text).filter(telling));
  const joined = new Map<string, Set<string>>();
  for (const f of mine) {
    const term = termOf(f);
    if (!term) continue;
    for (const g of theirs) {
      const other = termOf(g);
      if (!other || other === term || !sameFigure(f, g)) continue;
      joined.set(term, (joined.get(term) ?? new Set([term])).add(other));
    }
  }
  return [...joined].map(([term, terms]) => {
    const all = [...terms].sort();
    return { id: `figure-${term.replace(/\$/g, '').replace(/\s+/g, '-')}`, de: all, en: all };
  });
}
