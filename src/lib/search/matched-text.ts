import type { Card } from '../notes/card.ts';
import type { FieldMatch } from './index.ts';

/** The exact string a FieldMatch's ranges index into (undefined if the card lacks it). */
export function matchedText(card: Card, m: Pick<FieldMatch, 'field' | 'lang' | 'index'>): string | undefined {
  switch (m.field) {
    case 'key':
      return card.key;
    case 'flag':
      return card.flag;
    case 'command':
      return m.index === undefined ? card.command : card.examples?.[m.index];
    case 'title':
    case 'body':
      return m.lang === undefined ? undefined : card.text[m.lang]?.[m.field];
    case 'tags':
      return m.index === undefined ? undefined : card.tags[m.index];
    case 'items':
      return m.index === undefined ? undefined : card.items?.[m.index];
  }
}
