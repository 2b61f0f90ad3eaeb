/** Knowledge-base prose and dates in the UI language. Pure: no browser API. */
import type { Bilingual, Lang } from '../../shared/kb/types.ts';

/** The text in the UI language, or in the other language if that one is empty. */
export function pick(text: Bilingual | undefined, lang: Lang): string {
  if (!text) return '';
  return text[lang] || text[lang === 'de' ? 'en' : 'de'] || '';
}

/** A KB date (`YYYY-MM` or `YYYY-MM-DD`) as the UI language writes it; unparseable dates are shown as given. */
export function formatDate(date: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  const value = new Date(Date.UTC(Number(y), Number(mo) - 1, d ? Number(d) : 1));
  const options: Intl.DateTimeFormatOptions = d
    ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
    : { year: 'numeric', month: 'long', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(lang, options).format(value);
}
