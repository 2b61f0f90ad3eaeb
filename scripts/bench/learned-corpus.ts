/**
 * Synthetic news for the bench of pages read (learned.ts): deterministic (seeded) articles in English and German,
 * grouped into stories, each article some 30 sentences from the templates of wire copy (reported speech, quotes,
 * "according to", announcements with figures) with a few sentences of background. Names are drawn the way news
 * draws them: each story has its cast, and the cast comes from pools where a few names are everywhere (Zipf), so
 * some index terms name thousands of articles and most name a handful. Runs in Node and in the bench's page.
 */
import { random } from './synthetic.ts';

export interface SyntheticArticle {
  url: string;
  title: string;
  lang: 'de' | 'en';
  date: string;
  text: string;
  /** Statements written (reported speech, quotes, announcements): what extraction should find, about. */
  statements: number;
  /** The story it belongs to (its number in order of appearance): the articles a page should be linked with. */
  story: number;
}

const FIRST = 'Anna Thomas Maria Jonas Sofia Lukas Elena Pavel Ingrid Marco Leila Henrik Olga Samuel Clara Omar Greta Viktor Nadia Felix Irene Mateo Hanna Tobias Selma Rafael Ida Stefan Marta Emil'.split(' ');
const LAST = 'Keller Lindqvist Novak Brandt Okafor Moreau Halvorsen Petrov Castell Ribeiro Weiss Hallgren Kowalczyk Lund Demir Vasquez Berger Nyström Adeyemi Rossi Falk Horvath Jansen Marin Takahashi Engel Sorensen Kaplan Duarte Holm Wagner Oyelaran Sandberg Mertens Aalto Costa Lindgren Bauer Ferrari Nakamura'.split(' ');
const PLACE_ROOT = 'Lind Brek Tol Vess Ost Har Mar Kiel Sund Dal Berg Rost Fjell Nord Skov Valen Grau Ems Aur Kar'.split(' ');
const PLACE_END = 'qvarn ke vik a mark heim burg dorf stad holm ford ville port berg au'.split(' ');
const ORG = 'Rail Energy Bank Ministry Union Authority Institute Council Agency Party Airlines Pharma Telecom Shipping Insurance'.split(' ');
const ROLE_EN = 'minister spokesperson head chief executive mayor director chair prosecutor analyst governor'.split(' ');
const ROLE_DE = 'Ministerin Sprecher Chef Bürgermeisterin Direktor Vorsitzende Staatsanwalt Analystin Gouverneur'.split(' ');
const DAY_EN = 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' ');
const DAY_DE = 'Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag'.split(' ');
/** Topic words, the rarer the further along (Zipf), so statements differ as a story's do. */
const NOUN_EN = 'line bridge plant talks strike budget deal vote inquiry contract pipeline harbour factory election ceasefire tariff merger reactor airport tunnel subsidy licence embargo dam refinery terminal hospital reform loan treaty'.split(' ');
const VERB_EN = 'stay closed|reopen|be reviewed|be delayed|resume|be cancelled|be extended|cost more|need new funding|be investigated|go ahead|be suspended'.split('|');
const NOUN_DE = 'Strecke Brücke Anlage Gespräche Streik Haushalt Vereinbarung Abstimmung Untersuchung Vertrag Pipeline Hafen Fabrik Wahl Waffenruhe Zoll Fusion Reaktor Flughafen Tunnel'.split(' ');
const VERB_DE = 'geschlossen bleiben|wieder öffnen|geprüft werden|sich verzögern|weitergehen|abgesagt werden|verlängert werden|mehr kosten|untersucht werden|ausgesetzt werden'.split('|');
const BACKGROUND_EN = [
  'The region has seen several such disputes in recent years.',
  'Traffic in the area was heavy throughout the morning.',
  'Markets reacted calmly to the news.',
  'The weather is expected to stay dry for the rest of the week.',
];
const BACKGROUND_DE = [
  'Die Region erlebte in den vergangenen Jahren mehrere solcher Streitfälle.',
  'Der Verkehr in der Gegend war den ganzen Morgen dicht.',
  'Die Märkte reagierten gelassen auf die Nachricht.',
];

/** A Zipf-like pick from `n` items: index 0 most often. */
function zipf(rand: () => number, n: number, s = 1.1): number {
  // Inverse of the continuous power law over [1, n+1), good enough for drawing ranks.
  const u = rand();
  const a = 1 - s;
  const x = Math.pow(u * (Math.pow(n + 1, a) - 1) + 1, 1 / a);
  return Math.min(n - 1, Math.floor(x) - 1);
}

interface Story {
  id: number;
  people: string[];
  places: string[];
  orgs: string[];
  nouns: number[];
  day: number;
}

/** The synthetic news: `article(i)` is the i-th article read, the same every run for the same seed. */
export class SyntheticNews {
  private readonly rand: () => number;
  private readonly people: string[] = [];
  private readonly places: string[] = [];
  private readonly orgs: string[] = [];
  private readonly stories: Story[] = [];

  constructor(seed = 14) {
    this.rand = random(seed);
    const r = random(seed + 1);
    const used = new Set<string>();
    while (this.people.length < 3_000) {
      const p = `${FIRST[Math.floor(r() * FIRST.length)]} ${LAST[Math.floor(r() * LAST.length)]}${r() < 0.6 ? '' : `-${LAST[Math.floor(r() * LAST.length)]}`}`;
      if (!used.has(p)) used.add(p), this.people.push(p);
    }
    while (this.places.length < 250) {
      const p = PLACE_ROOT[Math.floor(r() * PLACE_ROOT.length)]! + PLACE_END[Math.floor(r() * PLACE_END.length)]!;
      if (!used.has(p)) used.add(p), this.places.push(p);
    }
    while (this.orgs.length < 300) {
      const o = r() < 0.4
        ? Array.from({ length: 3 }, () => String.fromCharCode(65 + Math.floor(r() * 26))).join('')
        : `${this.places[Math.floor(r() * this.places.length)]} ${ORG[Math.floor(r() * ORG.length)]}`;
      if (!used.has(o)) used.add(o), this.orgs.push(o);
    }
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)]!;
  }

  /** A story: a cast from the pools (a few names in many stories), topic words, and the day it starts. */
  private story(day: number): Story {
    const r = this.rand;
    const cast = (pool: string[], n: number) => [...new Set(Array.from({ length: n }, () => pool[zipf(r, pool.length)]!))];
    return {
      id: this.stories.length,
      people: cast(this.people, 3 + Math.floor(r() * 3)),
      places: cast(this.places, 1 + Math.floor(r() * 2)),
      orgs: cast(this.orgs, 1 + Math.floor(r() * 2)),
      nouns: Array.from({ length: 4 }, () => zipf(r, NOUN_EN.length)),
      day,
    };
  }

  /** The i-th article read: of a recent story most of the time, of a new one a third of the time. */
  article(i: number, perDay = 60): SyntheticArticle {
    const r = this.rand;
    const day = Math.floor(i / perDay);
    if (this.stories.length === 0 || r() < 0.33) this.stories.push(this.story(day));
    const recent = this.stories.slice(-40);
    const story = recent[recent.length - 1 - zipf(r, recent.length)]!;
    return this.write(story, i, day);
  }

  /** A new article of the story the `i`-th article read belongs to, on another site: a page to link. */
  sequel(i: number, perDay = 60): SyntheticArticle {
    const a = this.article(i, perDay);
    return { ...a, url: a.url.replace(/^https:\/\/[^/]+/, 'https://probe.example') };
  }

  private write(story: Story, i: number, day: number): SyntheticArticle {
    const r = this.rand;
    const lang = r() < 0.3 ? 'de' : 'en';
    const date = new Date(Date.UTC(2026, 0, 1) + Math.max(day, story.day) * 86_400_000).toISOString().slice(0, 10);
    const sentences: string[] = [];
    let statements = 0;
    const count = 25 + Math.floor(r() * 11);
    for (let k = 0; k < count; k++) {
      if (r() < 0.12) {
        sentences.push(this.pick(lang === 'en' ? BACKGROUND_EN : BACKGROUND_DE));
        continue;
      }
      sentences.push(lang === 'en' ? this.english(story) : this.german(story));
      statements++;
    }
    const site = `site${zipf(r, 80)}.example`;
    const subject = story.places[0]!;
    const title = lang === 'en' ? `${subject}: ${NOUN_EN[story.nouns[0]!]} row deepens` : `${subject}: Streit um ${NOUN_DE[story.nouns[0]! % NOUN_DE.length]} verschärft sich`;
    return { url: `https://${site}/news/${i}`, title, lang, date, text: sentences.join(' '), statements, story: story.id };
  }

  private english(s: Story): string {
    const r = this.rand;
    const who = this.pick(s.people);
    const noun = NOUN_EN[s.nouns[Math.floor(r() * s.nouns.length)]!]!;
    const clause = `the ${noun} in ${this.pick(s.places)} would ${this.pick(VERB_EN)} ${r() < 0.5 ? `until ${this.pick(DAY_EN)}` : `for ${2 + Math.floor(r() * 12)} weeks`}`;
    switch (Math.floor(r() * 5)) {
      case 0: return `${who}, the ${this.pick(ROLE_EN)} of ${this.pick(s.orgs)}, said on ${this.pick(DAY_EN)} that ${clause}.`;
      case 1: return `“We expect that ${clause},” ${who} said.`;
      case 2: return `According to ${this.pick(s.orgs)}, ${clause}.`;
      case 3: return `${who} announced ${2 + Math.floor(r() * 900)} million euros for the ${noun} in ${this.pick(s.places)}.`;
      default: return `${who} warned that ${clause}, a blow to ${this.pick(s.orgs)}.`;
    }
  }

  private german(s: Story): string {
    const r = this.rand;
    const who = this.pick(s.people);
    const noun = NOUN_DE[s.nouns[Math.floor(r() * s.nouns.length)]! % NOUN_DE.length]!;
    const clause = `die ${noun} in ${this.pick(s.places)} werde ${r() < 0.5 ? `bis ${this.pick(DAY_DE)}` : `${2 + Math.floor(r() * 12)} Wochen lang`} ${this.pick(VERB_DE)}`;
    switch (Math.floor(r() * 4)) {
      case 0: return `${who}, ${this.pick(ROLE_DE)} von ${this.pick(s.orgs)}, sagte am ${this.pick(DAY_DE)}, ${clause}.`;
      case 1: return `„Wir erwarten, dass ${clause}“, sagte ${who}.`;
      case 2: return `Laut ${this.pick(s.orgs)} ${clause.replace(/^die /, 'soll die ').replace(/ werde /, ' ')}.`;
      default: return `${who} warnte, ${clause}.`;
    }
  }
}
