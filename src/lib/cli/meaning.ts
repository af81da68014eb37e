/**
 * Meanings for parts, from the deck's cards where a card exists (so the words match what the
 * user drills), else from the catalogue's help line. Card keys are read through the catalogue,
 * so a card on "docker rmi" answers for `docker image rm` and one on "docker run -p" for
 * `docker container run --publish`.
 */
import type { Card } from '../notes/card.ts';
import { commandNamed, optionNames, type CatalogueIndex } from './catalogue.ts';
import type { Part } from './parse.ts';

export interface Meaning {
  text: string;
  /** The card that teaches this part, when there is one. */
  card?: Card;
  /** The language `text` is in (the catalogue's help is English only). */
  lang: string;
}

function canonical(cat: CatalogueIndex, words: string[]): string | undefined {
  return commandNamed(cat, words)?.name;
}

function title(card: Card, lang: string): { text: string; lang: string } | undefined {
  const own = card.text[lang];
  if (own?.title) return { text: own.title, lang };
  const other = Object.entries(card.text).find(([, t]) => t.title);
  return other ? { text: other[1].title, lang: other[0] } : undefined;
}

export class Meanings {
  readonly #commands = new Map<string, Card>();
  readonly #flags = new Map<string, Card>();
  readonly #cat: CatalogueIndex;

  constructor(cat: CatalogueIndex, cards: readonly Card[]) {
    this.#cat = cat;
    // Exact cards ("docker run -p") before ones with a value in the key ("docker run -p 8080:80"),
    // and single flags before bundles ("-it" answers for -i only when -i has no card).
    const ranked = cards
      .filter((c) => c.kind === 'command' || c.kind === 'flag')
      .map((c) => ({ c, words: c.key.split(/\s+/) }))
      .sort((a, b) => a.words.length - b.words.length);
    const bundles: { command: string; card: Card }[] = [];
    for (const { c, words } of ranked) {
      const first = words.findIndex((w) => w.startsWith('-'));
      const command = canonical(cat, first === -1 ? words : words.slice(0, first));
      if (!command) continue;
      if (c.kind === 'command') {
        if (!this.#commands.has(command)) this.#commands.set(command, c);
        continue;
      }
      for (const flag of [c.flag ?? '', ...(c.aliases ?? [])].filter(Boolean)) {
        const bare = flag.split('=')[0]!;
        if (/^-[A-Za-z]{2,}$/.test(bare)) bundles.push({ command, card: c });
        else if (!this.#flags.has(`${command} ${bare}`)) this.#flags.set(`${command} ${bare}`, c);
      }
    }
    for (const { command, card } of bundles) {
      for (const letter of card.flag!.slice(1)) {
        const key = `${command} -${letter}`;
        if (!this.#flags.has(key)) this.#flags.set(key, card);
      }
    }
  }

  /** The card and words for one part; undefined for parts that are not Docker's (the container's command). */
  of(part: Part, lang: string): Meaning | undefined {
    if (part.problems?.some((p) => p.code === 'unknown-command')) return undefined;
    if (part.role === 'command' || part.role === 'program') {
      const card = this.#commands.get(part.command);
      const t = card && title(card, lang);
      if (card && t) return { ...t, card };
      const help = this.#cat.byName.get(part.command)?.help;
      return help ? { text: help, lang: 'en' } : undefined;
    }
    if (part.role === 'option' && part.option) {
      for (const name of [part.flag ?? '', ...optionNames(part.option)]) {
        const card = this.#flags.get(`${part.command} ${name}`);
        const t = card && title(card, lang);
        if (card && t) return { ...t, card };
      }
      return { text: part.option.help, lang: 'en' };
    }
    return undefined;
  }
}
