/**
 * "What does this do?" on an example line (`docker run -d --name web -p 8080:80 nginx`): the
 * meaning of each of its flags, from the deck's own flag cards. Only flags of the card's
 * command are looked up, up to where the command's own options end (a word that is not a flag
 * nor right after one: `docker exec web nginx -t` — that `-t` is nginx's).
 */
import type { Card } from '../notes/card.ts';
import { tokenizeCommand } from './typed.ts';

export interface ExampleFlag {
  /** As written in the example ("-d", "--name"). */
  flag: string;
  /** The flag card that explains it. */
  card: Card;
}

export function exampleFlags(card: Card, example: string, cards: readonly Card[]): ExampleFlag[] {
  if (card.kind !== 'command' && card.kind !== 'flag') return [];
  const command = commandWords(card.key);
  const byFlag = flagCardsOf(cards, card.deck, command.join(' '));
  if (byFlag.size === 0) return [];

  const words = tokenizeCommand(example);
  let i = 0;
  for (const w of command) {
    if (words[i]?.toLowerCase() === w.toLowerCase()) i++;
    else return []; // an example of another command
  }
  const out: ExampleFlag[] = [];
  const seen = new Set<string>();
  const add = (flag: string) => {
    const found = byFlag.get(flag);
    if (found && !seen.has(found.id)) {
      seen.add(found.id);
      out.push({ flag, card: found });
    }
    return !!found;
  };
  let positional = false;
  for (; i < words.length; i++) {
    const w = words[i] as string;
    if (/^(\||&&|;|\d?>)/.test(w)) break;
    if (!w.startsWith('-') || w === '-' || w === '--') {
      // A word right after a flag is taken for its value; any other is the image or a path —
      // the command's own options end there.
      if (!(words[i - 1]?.startsWith('-') ?? false)) positional = true;
      continue;
    }
    if (positional) break;
    const flag = w.startsWith('--') ? w.split('=')[0]! : w;
    if (add(flag)) continue;
    if (/^-[A-Za-z]{2,}$/.test(flag)) for (const c of flag.slice(1)) add(`-${c}`);
    else if (/^-[A-Za-z]./.test(flag)) add(flag.slice(0, 2)); // -p8080:80
  }
  return out;
}

function commandWords(key: string): string[] {
  const words = key.trim().split(/\s+/);
  const first = words.findIndex((w) => w.startsWith('-'));
  return first < 0 ? words : words.slice(0, first);
}

/** The flag cards of one command by flag and alias; the general card ("docker run -p") wins over a specific one ("docker run -p 8080:80"). */
function flagCardsOf(cards: readonly Card[], deck: string, command: string): Map<string, Card> {
  const out = new Map<string, Card>();
  for (const c of cards) {
    if (c.kind !== 'flag' || !c.flag || c.deck !== deck || commandWords(c.key).join(' ') !== command) continue;
    const general = c.key.trim() === `${command} ${c.flag}`;
    for (const f of [c.flag, ...(c.aliases ?? [])]) {
      const had = out.get(f);
      if (!had || (general && had.key.trim() !== `${command} ${f}`)) out.set(f, c);
    }
  }
  return out;
}
