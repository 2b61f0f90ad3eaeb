/**
 * Stories: the articles read that state the same statements, grouped. Computed only from links already found (the
 * matcher's, when a page was linked to what was read; the curated claims a page read states), never by matching
 * again. Two passages in one link state one statement; a statement in two articles joins them; the articles so
 * joined, directly or through others, are one story. Links are added one at a time (union-find), so a new article
 * only joins or merges what is there, and a story keeps its id (that of its first article read) as it grows.
 * Pure: no DOM, no browser API.
 */
import type { Lang, TextPositionSelector, TextQuoteSelector } from '../kb/types.ts';
import { extractStatements } from './extract.ts';

/** A passage of an article that states a statement, as a Web Annotation target selects it. */
export interface StoryPassage {
  /** The article's id (see {@link StoryArticle.id}). */
  article: string;
  selector: [TextQuoteSelector, TextPositionSelector];
}

/** One link found: passages of several articles that state one statement (a curated claim's id when it is one). */
export interface StoryLink {
  passages: readonly StoryPassage[];
  /** The curated claim these passages state, if the link is one of the knowledge base's claims. */
  claimId?: string;
}

/** An article of a story. */
export interface StoryArticle {
  /** The page read's address, or the knowledge-base source's id for a curated article. */
  id: string;
  /** The ids under which the card and the sidebar know it as a source (`read:…`, `page:…`, a curated id). */
  sourceIds: string[];
  url?: string;
  site: string;
  title: string;
  /** Publication date from the article (`YYYY-MM-DD` or `YYYY-MM`), or ''. */
  date: string;
  lang: Lang;
  /** When it was read (ms since the epoch); 0 for the knowledge base's own articles. */
  readAt: number;
  /** An article of the curated knowledge base (the seed story). */
  curated?: boolean;
}

/** A statement of a story: its wording (in the reader's language where an article gives one) and its passages. */
export interface StoryStatement {
  /** Stable: built from its first passage. */
  id: string;
  text: string;
  lang: Lang;
  /** The curated claim it is, if any. */
  claimId?: string;
  passages: StoryPassage[];
}

/** A story: its title, its articles (first read first) and the statements they share. */
export interface Story {
  id: string;
  title: string;
  /** The names the title is made of, most shared first. */
  names: string[];
  articles: StoryArticle[];
  statements: StoryStatement[];
  /** The story of the curated knowledge base, joined by pages read that state its claims. */
  seed: boolean;
}

/** The id of the curated seed story. */
export const SEED_STORY_ID = 'story:seed';
/** Names in a story's title at most. */
const TITLE_NAMES = 3;

const passageKey = (p: StoryPassage) => `${p.article}@${p.selector[1].start}-${p.selector[1].end}`;

/** Disjoint sets over string keys, with path halving. */
class Union {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    if (!this.parent.has(x)) this.parent.set(x, x);
    let r = x;
    while (this.parent.get(r) !== r) {
      const up = this.parent.get(this.parent.get(r)!)!;
      this.parent.set(r, up);
      r = up;
    }
    return r;
  }
  join(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller key leads, so the same links give the same sets whatever their order.
    if (ra !== rb) ra < rb ? this.parent.set(rb, ra) : this.parent.set(ra, rb);
  }
}

/** The links found so far, joined into statements; stories are drawn from it for the articles known. */
export class StoryIndex {
  /** Passages that state one statement, joined. */
  private readonly statements = new Union();
  private readonly passages = new Map<string, StoryPassage>();
  private readonly claimOf = new Map<string, string>();

  /** Adds a link: its passages become one statement (with any statement one of them states already). */
  add(link: StoryLink): void {
    const keys = link.passages.map((p) => {
      const key = passageKey(p);
      if (!this.passages.has(key)) this.passages.set(key, p);
      return key;
    });
    for (const key of keys.slice(1)) this.statements.join(keys[0]!, key);
    if (link.claimId && keys[0]) this.claimOf.set(keys[0], link.claimId);
  }

  /**
   * The stories among `articles` (those not given are left out: a page forgotten, or never read), each with two
   * articles at least, first-read first; titles and wordings in `lang` where the articles allow.
   */
  stories(articles: ReadonlyMap<string, StoryArticle>, lang: Lang): Story[] {
    const groups = new Map<string, StoryPassage[]>();
    for (const [key, p] of this.passages) {
      if (!articles.has(p.article)) continue;
      const root = this.statements.find(key);
      groups.set(root, [...(groups.get(root) ?? []), p]);
    }
    const claims = new Map<string, string>();
    for (const [key, claimId] of this.claimOf) claims.set(this.statements.find(key), claimId);
    const stories = new Union();
    const statements: StoryStatement[] = [];
    for (const [root, passages] of groups) {
      const ids = [...new Set(passages.map((p) => p.article))];
      if (ids.length < 2) continue;
      for (const id of ids.slice(1)) stories.join(ids[0]!, id);
      statements.push(toStatement(passages, articles, lang, claims.get(root)));
    }
    // The knowledge base's articles are one story, however few of its claims a page read states.
    const curated = [...articles.values()].filter((a) => a.curated && statements.some((s) => s.passages.some((p) => p.article === a.id)));
    for (const a of curated.slice(1)) stories.join(curated[0]!.id, a.id);
    const byStory = new Map<string, StoryStatement[]>();
    for (const s of statements) {
      const root = stories.find(s.passages[0]!.article);
      byStory.set(root, [...(byStory.get(root) ?? []), s]);
    }
    return (
      [...byStory.values()]
        .map((group) => toStory(group, articles, lang))
        // The knowledge base's articles alone are no story learned: a page read must join them.
        .filter((story) => story.articles.some((a) => !a.curated))
        .sort(byFirstRead)
    );
  }
}

const articleOrder = (a: StoryArticle, b: StoryArticle) => a.readAt - b.readAt || a.id.localeCompare(b.id);
const byFirstRead = (a: Story, b: Story) => Number(b.seed) - Number(a.seed) || articleOrder(a.articles[0]!, b.articles[0]!);

/** A statement's passages, in article order, and its wording: the first passage in the reader's language, if any. */
function toStatement(passages: StoryPassage[], articles: ReadonlyMap<string, StoryArticle>, lang: Lang, claimId: string | undefined): StoryStatement {
  const sorted = [...passages].sort(
    (a, b) => articleOrder(articles.get(a.article)!, articles.get(b.article)!) || a.selector[1].start - b.selector[1].start,
  );
  const first = sorted.find((p) => articles.get(p.article)!.lang === lang) ?? sorted[0]!;
  return {
    id: `statement:${passageKey(sorted[0]!)}`,
    text: first.selector[0].exact,
    lang: articles.get(first.article)!.lang,
    ...(claimId && { claimId }),
    passages: sorted,
  };
}

function toStory(statements: StoryStatement[], known: ReadonlyMap<string, StoryArticle>, lang: Lang): Story {
  const ids = new Set(statements.flatMap((s) => s.passages.map((p) => p.article)));
  const articles = [...ids].map((id) => known.get(id)!).sort(articleOrder);
  const seed = articles.some((a) => a.curated);
  const names = titleNames(statements, known, lang);
  const first = articles.find((a) => !a.curated) ?? articles[0]!;
  return {
    id: seed ? SEED_STORY_ID : `story:${first.id}`,
    title: names.length > 0 ? names.join(' · ') : first.title,
    names,
    articles,
    statements: statements.sort((a, b) => b.passages.length - a.passages.length || a.id.localeCompare(b.id)),
    seed,
  };
}

/**
 * The names the most articles of a story use in its shared statements, then the most often (spelling-insensitive, so German and English
 * spellings count together; a last name alone counts for the full name), each written as the articles in the
 * reader's language write it most often.
 */
export function titleNames(statements: readonly StoryStatement[], articles: ReadonlyMap<string, StoryArticle>, lang: Lang): string[] {
  const users = new Map<string, Set<string>>();
  const forms = new Map<string, Map<string, number>>();
  const mentions = new Map<string, number>();
  for (const { key, text, article } of storyNames(statements, articles)) {
    mentions.set(key, (mentions.get(key) ?? 0) + 1);
    users.set(key, (users.get(key) ?? new Set()).add(article.id));
    const counts = forms.get(key) ?? new Map<string, number>();
    // The reader's language counts first; other spellings only where it gives none.
    counts.set(text, (counts.get(text) ?? 0) + (article.lang === lang ? 1000 : 1));
    forms.set(key, counts);
  }
  // "Hallgren said …" after "Tobias Hallgren": the last name alone is the person named in full elsewhere.
  for (const [key, by] of [...users]) {
    if (key.includes(' ')) continue;
    const full = [...users.keys()].filter((k) => k.split(' ').length > 1 && k.split(' ').at(-1) === key).sort()[0];
    if (!full) continue;
    for (const id of by) users.get(full)!.add(id);
    mentions.set(full, mentions.get(full)! + mentions.get(key)!);
    users.delete(key);
  }
  const ranked = [...users]
    .filter(([, by]) => by.size >= 2)
    .sort(([a, x], [b, y]) => y.size - x.size || mentions.get(b)! - mentions.get(a)! || a.localeCompare(b));
  return ranked.slice(0, TITLE_NAMES).map(([key]) => [...forms.get(key)!].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]![0]);
}

/**
 * The names in a story's passages, each with the article that uses it. The passages of one language are read as
 * one text, so that a name opening a sentence is known from another passage that names it mid-sentence.
 */
function storyNames(statements: readonly StoryStatement[], articles: ReadonlyMap<string, StoryArticle>) {
  const out: Array<{ key: string; text: string; article: StoryArticle }> = [];
  for (const lang of ['de', 'en'] as const) {
    const parts: Array<{ at: number; article: StoryArticle }> = [];
    let text = '';
    for (const s of statements) {
      for (const p of s.passages) {
        const article = articles.get(p.article)!;
        if (article.lang !== lang) continue;
        parts.push({ at: text.length, article });
        text += `${p.selector[0].exact}\n\n`;
      }
    }
    if (!text) continue;
    let i = 0;
    // Names come in text order: the passage holding one is found by walking forward.
    for (const name of extractStatements(text, lang).names) {
      while (i + 1 < parts.length && parts[i + 1]!.at <= name.start) i++;
      if (name.key.length >= 3) out.push({ key: name.key, text: name.text, article: parts[i]!.article });
    }
  }
  return out;
}
