/**
 * Interface text templates: `{name}` is replaced by its value, numbers grouped the reader's way
 * ("27,450"); `{name|one|other}` picks the word form for that count ("1 card", "2 cards").
 * A `{line}` is a position in a file and stays as an editor shows it.
 */
import type { Lang } from '../lib/notes/card.ts';

const LOCALES: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };
const numberFormats = new Map<Lang, Intl.NumberFormat>();
const pluralRules = new Map<Lang, Intl.PluralRules>();

// Intl's first use in a page loads its locale data: ~50 ms of main thread on a phone, in the
// first seconds (the bundled deck's card count). Small whole numbers need none of it: both
// languages write them in plain digits, and only English 1 has a word form of its own.
const plain = (n: number) => Number.isInteger(n) && n >= 0 && n < 1000;

export function formatNumber(n: number, lang: Lang): string {
  if (plain(n)) return String(n);
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(LOCALES[lang])));
  return f.format(n);
}

function plural(n: number, lang: Lang): Intl.LDMLPluralRule {
  if (plain(n)) return lang === 'en' && n === 1 ? 'one' : 'other';
  let r = pluralRules.get(lang);
  if (!r) pluralRules.set(lang, (r = new Intl.PluralRules(LOCALES[lang])));
  return r.select(n);
}

export function fillTemplate(template: string, vars: Record<string, string | number>, lang: Lang): string {
  return template.replace(/\{(\w+)(?:\|([^|}]*)\|([^|}]*))?\}/g, (_, name: string, one?: string, other?: string) => {
    const v = vars[name];
    if (one !== undefined) return typeof v === 'number' && plural(v, lang) === 'one' ? one : other!;
    return typeof v === 'number' && name !== 'line' ? formatNumber(v, lang) : String(v ?? '');
  });
}
