import { LANGS, type Card, type Lang } from '../../lib/notes/card.ts';
import { fillTemplate, formatNumber } from '../fill.ts';
import { STRINGS, type StringKey } from '../strings.ts';
import { local } from './web-storage.ts';

const STORAGE_KEY = 'deckhand.lang';

function initialLang(): Lang {
  const saved = local.get(STORAGE_KEY);
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
    local.set(STORAGE_KEY, lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }

  /** Interface text, with `{name}` placeholders filled in (src/ui/fill.ts: counts grouped, word forms by count). */
  t(key: StringKey, vars: Record<string, string | number> = {}): string {
    return fillTemplate(STRINGS[this.#lang][key], vars, this.#lang);
  }

  /** A count as the reader groups digits: 27,450. */
  num(n: number): string {
    return formatNumber(n, this.#lang);
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

