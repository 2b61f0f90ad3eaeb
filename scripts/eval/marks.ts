/** Eval texts mark entity mentions inline as [[surface|entity-id]]; this strips the marks and keeps their spans. */

/** A gold entity mention in the plain text. */
export interface GoldMention {
  entity: string;
  start: number;
  end: number;
}

const MARK = /\[\[([^|\]]+)\|([a-z0-9-]+)\]\]/g;

/** The plain text of a marked-up text, and where its marked mentions stand in it. */
export function stripMarks(marked: string): { text: string; mentions: GoldMention[] } {
  const mentions: GoldMention[] = [];
  let text = '';
  let last = 0;
  for (const m of marked.matchAll(MARK)) {
    text += marked.slice(last, m.index);
    mentions.push({ entity: m[2]!, start: text.length, end: text.length + m[1]!.length });
    text += m[1]!;
    last = m.index! + m[0].length;
  }
  return { text: text + marked.slice(last), mentions };
}
