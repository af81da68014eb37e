/**
 * Questions a card can be drilled with. The kind of card decides which make sense (a compare
 * card asks "which one is this?", a flag card "what does -P do?"); settings may narrow or
 * reorder them per kind. A card rotates through its types as its review count grows.
 */
import type { Card, CardKind } from '../notes/card.ts';
import type { SrsSettings } from './settings.ts';
import type { PromptType, Schedule } from './types.ts';

/** Default question types per kind; the first is used for a card's first review. */
export const DEFAULT_PROMPT_TYPES: Readonly<Record<CardKind, readonly PromptType[]>> = Object.freeze({
  command: ['meaning-from-command', 'command-from-meaning', 'typed-command'],
  flag: ['flag-meaning', 'command-from-meaning', 'typed-command'],
  compare: ['confusable', 'meaning-from-command'],
  concept: ['meaning-from-command'],
});

/** Short instructions shown above each question. */
export const PROMPT_INSTRUCTIONS: Readonly<Record<PromptType, Readonly<Record<'en' | 'zh', string>>>> = Object.freeze({
  'command-from-meaning': { en: 'Which command does this?', zh: '用哪个命令？' },
  'meaning-from-command': { en: 'What does this do?', zh: '这是做什么的？' },
  'flag-meaning': { en: 'What does this flag do?', zh: '这个参数是什么意思？' },
  confusable: { en: 'Which one is described?', zh: '说的是哪一个？' },
  'typed-command': { en: 'Type the command', zh: '输入命令' },
});

export interface Prompt {
  type: PromptType;
  cardId: string;
  /** The language of the texts below (the preferred one when the card has it). */
  lang: string;
  /** The question. `text` is prose (answer words masked as "___"); `code` is a command line. */
  front: { text?: string; code?: string };
  /** The full answer, shown on reveal. */
  back: { title: string; body: string; code?: string };
  /** confusable: the items to pick from, in the card's order. */
  choices?: { label: string; correct: boolean }[];
  /** typed-command: grade the input with `gradeTypedAnswer(input, card)`. */
  typed?: { expected: string };
}

/** Question types this card has the data for, in default order. */
export function applicablePromptTypes(card: Card): PromptType[] {
  const hasTitle = Object.values(card.text).some((t) => t.title.trim() !== '');
  const ok: Record<PromptType, boolean> = {
    'command-from-meaning': hasTitle && (card.kind === 'command' || card.kind === 'flag'),
    'meaning-from-command': hasTitle,
    'flag-meaning': card.kind === 'flag' && !!card.flag && hasTitle,
    confusable: confusableSides(card, undefined) !== null,
    'typed-command': card.kind === 'command' || card.kind === 'flag',
  };
  const order = [...DEFAULT_PROMPT_TYPES[card.kind], ...(Object.keys(ok) as PromptType[])];
  return [...new Set(order)].filter((t) => ok[t]);
}

/**
 * The question type for this review: the settings' list for the card's kind (or the
 * default), keeping those the card supports, rotated by the card's review count.
 */
export function choosePromptType(card: Card, schedule: Schedule | null | undefined, settings?: Pick<SrsSettings, 'promptTypes'>): PromptType {
  const can = applicablePromptTypes(card);
  const wanted = settings?.promptTypes[card.kind] ?? DEFAULT_PROMPT_TYPES[card.kind];
  const list = wanted.filter((t) => can.includes(t));
  const pool = list.length ? list : can.length ? can : (['meaning-from-command'] as PromptType[]);
  return pool[(schedule?.reps ?? 0) % pool.length] as PromptType;
}

/** The language to show: the preferred one if the card has it, else English, else any. */
export function pickLang(card: Card, preferred: string): string {
  if (card.text[preferred]) return preferred;
  if (card.text.en) return 'en';
  return Object.keys(card.text)[0] ?? preferred;
}

/**
 * Builds the question. `variant` picks which side a confusable card describes (pass the
 * card's review count so it alternates); defaults to 0.
 */
export function buildPrompt(card: Card, type: PromptType, preferredLang: string, variant = 0): Prompt {
  const lang = pickLang(card, preferredLang);
  const text = card.text[lang] ?? { title: card.key, body: '' };
  const code = card.command ?? (card.kind === 'concept' || card.kind === 'compare' ? undefined : card.key);
  const back: Prompt['back'] = { title: text.title, body: text.body };
  if (code !== undefined) back.code = code;
  const base = { type, cardId: card.id, lang, back };
  const answers = answerWords(card);

  switch (type) {
    case 'command-from-meaning':
    case 'typed-command': {
      const clue = recallClue(card, text);
      if (!clue) return buildPrompt(card, 'meaning-from-command', preferredLang, variant);
      const front = card.kind === 'flag' ? { text: clue, code: `${commandOf(card)} ___` } : { text: clue };
      return type === 'typed-command' ? { ...base, front, typed: { expected: card.command ?? card.key } } : { ...base, front };
    }
    case 'flag-meaning':
      return { ...base, front: { code: card.key } };
    case 'confusable': {
      const sides = confusableSides(card, preferredLang);
      if (sides) {
        const pick = ((variant % sides.descriptions.length) + sides.descriptions.length) % sides.descriptions.length;
        return {
          ...base,
          lang: sides.lang,
          front: { text: mask(sides.descriptions[pick] as string, answers) },
          choices: sides.items.map((label, i) => ({ label, correct: i === pick })),
        };
      }
      return { ...base, type: 'meaning-from-command', front: { code: card.key } };
    }
    case 'meaning-from-command':
    default:
      return { ...base, type: 'meaning-from-command', front: { code: card.kind === 'compare' ? (card.items ?? [card.key]).join(' vs ') : (card.command ?? card.key) } };
  }
}

/** Items with a non-empty description each, in the preferred language if there is one. */
function confusableSides(card: Card, lang: string | undefined): { lang: string; items: string[]; descriptions: string[] } | null {
  const items = card.items ?? [];
  if (card.kind !== 'compare' || items.length < 2 || !card.sides) return null;
  const langs = [lang, 'en', ...Object.keys(card.sides)].filter((l): l is string => !!l && !!card.sides?.[l]);
  for (const l of langs) {
    const d = card.sides[l] as string[];
    if (d.length === items.length && d.every((s) => s.trim() !== '')) return { lang: l, items, descriptions: d };
  }
  return null;
}

/**
 * What to recall a command from: its title, without a leading "docker version:" label and
 * with the answer itself blanked. Only whole answers are blanked (a lone "versions" blanked
 * out of "client and server versions" leaves a riddle: version or info?); when too little is
 * left to tell the answer (a title that is only the command), the body's first sentence helps.
 * Null when neither says enough — the card is then asked the other way round.
 */
function recallClue(card: Card, text: { title: string; body: string }): string | null {
  const answers = exactAnswers(card);
  const title = mask(stripLabel(text.title, answers), answers);
  if (informative(title)) return title;
  const first = /^[^\n]*?[.!?。！？](?=\s|$)/.exec(text.body.trim())?.[0] ?? text.body.trim().split('\n')[0] ?? '';
  const both = [title, mask(first, answers)].filter((t) => informative(t)).join(' — ');
  return informative(both) ? both : null;
}

/** "docker version: client and server versions" → "client and server versions". */
function stripLabel(title: string, answers: string[]): string {
  for (const a of answers) {
    const esc = a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const m = new RegExp(`^\\s*\`?${esc}\`?\\s*(?:[:：]|\\s[-—–]\\s)\\s*`, 'i').exec(title);
    if (m && title.length > m[0].length) return title.slice(m[0].length);
  }
  return title;
}

/** Enough words left besides the blanks to know what is asked (a CJK character counts as one). */
function informative(text: string): boolean {
  const rest = text.replace(/___/g, ' ');
  const words = rest.match(/[A-Za-z][A-Za-z'-]+|\p{Script=Han}/gu) ?? [];
  return words.length >= 2;
}

/** The command a flag belongs to: "docker run -P" → "docker run". */
function commandOf(card: Card): string {
  const words = card.key.trim().split(/\s+/);
  const first = words.findIndex((w) => w.startsWith('-'));
  return (first < 0 ? words : words.slice(0, first)).join(' ');
}

/** The answer as a whole: key, example line, flag, aliases. */
function exactAnswers(card: Card): string[] {
  const words = new Set<string>();
  for (const s of [card.key, card.command, card.flag, ...(card.aliases ?? [])]) if (s && s.trim()) words.add(s.trim());
  return [...words].sort((a, b) => b.length - a.length);
}

/** Words that would give the answer away on the front of the card. */
function answerWords(card: Card): string[] {
  const words = new Set<string>();
  const add = (s: string | undefined) => s && s.trim() && words.add(s.trim());
  add(card.key);
  add(card.command);
  add(card.flag);
  for (const a of card.aliases ?? []) add(a);
  for (const item of card.items ?? []) {
    add(item);
    const last = item.trim().split(/\s+/).pop();
    if (last && last.length >= 3 && last !== item.trim()) add(last); // "save" of "docker save"
  }
  if (card.kind === 'command' || card.kind === 'flag') {
    const sub = card.key.split(/\s+/).filter((w) => !w.startsWith('-'));
    const last = sub[sub.length - 1];
    if (sub.length > 1 && last && last.length >= 3) add(last);
  }
  return [...words].sort((a, b) => b.length - a.length); // longest first
}

function mask(text: string, words: string[]): string {
  let out = text;
  for (const w of words) {
    const esc = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Whole words (plus an English inflection: "saves"), case-insensitive except for flags.
    const flag = w.startsWith('-');
    const re = new RegExp(`(^|[^\\w-])${esc}${flag ? '' : '(?:e?s|d|ed|ing)?'}(?![\\w-])`, flag ? 'g' : 'gi');
    out = out.replace(re, (_m, pre: string) => `${pre}___`);
  }
  return out;
}
