import { LANGS, type Card, type Lang } from '../../lib/notes/card.ts';
import { STRINGS, type StringKey } from '../strings.ts';

const STORAGE_KEY = 'deckhand.lang';

const numberFormats = new Map<Lang, Intl.NumberFormat>();
function numberFormat(lang: Lang): Intl.NumberFormat {
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en')));
  return f;
}

function initialLang(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'zh' || saved === 'en') return saved;
  // Default from the browser: any Chinese preference before English wins.
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'zh' || base === 'en') return base;
  }
  return 'en';
}

/** The interface language: from the browser at first, then the user's choice, remembered. */
class I18n {
  #lang = $state<Lang>(initialLang());

  constructor() {
    document.documentElement.lang = this.#lang === 'zh' ? 'zh-CN' : 'en';
  }

  get lang(): Lang {
    return this.#lang;
  }

  set lang(lang: Lang) {
    this.#lang = lang;
    localStorage.setItem(STORAGE_KEY, lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }

  /**
   * Interface text, with `{name}` placeholders filled in. Counts are grouped the reader's way
   * ("27,450 cards"); a `{line}` is a position in a file and stays as an editor shows it.
   */
  t(key: StringKey, vars: Record<string, string | number> = {}): string {
    return STRINGS[this.#lang][key].replace(/\{(\w+)\}/g, (_, name: string) => {
      const v = vars[name];
      return typeof v === 'number' && name !== 'line' ? this.num(v) : String(v ?? '');
    });
  }

  /** A count as the reader groups digits: 27,450. */
  num(n: number): string {
    return numberFormat(this.#lang).format(n);
  }

  /** A card's text in the current language, else whichever language the card has. */
  text(card: Card): { title: string; body: string; lang: string } {
    const own = card.text[this.#lang];
    if (own) return { ...own, lang: this.#lang };
    for (const lang of [...LANGS, ...Object.keys(card.text)]) {
      const t = card.text[lang];
      if (t) return { ...t, lang };
    }
    return { title: card.key, body: '', lang: this.#lang };
  }

  /** Topics are written "English · 中文": show the half for the current language. */
  topic(tag: string | undefined): string {
    if (!tag) return '';
    const [first, second] = tag.split(' · ');
    if (second === undefined) return tag;
    return this.#lang === 'zh' ? second : (first ?? tag);
  }
}

export const i18n = new I18n();

