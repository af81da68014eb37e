/**
 * A typed answer's feedback as one short line per part that matters — the command, then each
 * flag (right, missing, extra, wrong, or given the wrong value) — instead of a chip per token.
 * Matched argument values ("nginx") need no line; a required value that was missed is paired
 * with the value typed in its place ("--restart: always, expected unless-stopped").
 */
import type { Card } from '../notes/card.ts';
import { tokenizeCommand, type TokenFeedback, type TypedAnswerResult } from './typed.ts';

export type FeedbackLineStatus = 'right' | 'missing' | 'extra' | 'wrong' | 'wrong-value';

export interface FeedbackLine {
  /** The command words, a flag, or a value. */
  subject: string;
  status: FeedbackLineStatus;
  /** wrong / wrong-value: what was typed instead. */
  typed?: string;
  /** wrong / wrong-value: what the card has. */
  expected?: string;
  /** A missing part the card's example used but the answer did not need. */
  optional?: boolean;
}

export function typedFeedbackLines(result: TypedAnswerResult, card: Pick<Card, 'key'>): FeedbackLine[] {
  const lines: FeedbackLine[] = [];
  const tokens = result.tokens;

  const command = tokens.filter((t) => t.role === 'command');
  if (command.length) {
    const wrong = command.filter((t) => t.status === 'wrong');
    const missing = command.filter((t) => t.status === 'missing');
    const expected = command.map((t) => (t.status === 'wrong' ? t.expected ?? t.text : t.text)).join(' ');
    if (wrong.length) lines.push({ subject: expected, status: 'wrong', typed: command.filter((t) => t.status !== 'missing').map((t) => t.text).join(' '), expected });
    else if (missing.length) lines.push({ subject: missing.map((t) => t.text).join(' '), status: 'missing' });
    else lines.push({ subject: expected, status: 'right' });
  }

  // A value the key requires ("unless-stopped" of "--restart unless-stopped") and the word
  // typed after its flag instead: one "wrong value" line.
  const missingValues = tokens.filter((t) => t.role === 'arg' && t.status === 'missing' && !t.optional);
  const wrongValue = new Map<number, TokenFeedback>();
  for (const value of [...missingValues]) {
    const flag = flagBefore(card.key, value.text);
    const at = flag ? tokens.findIndex((t) => t.role === 'flag' && t.status === 'matched' && (t.expected ?? t.text) === flag) : -1;
    const next = tokens[at + 1];
    if (at >= 0 && next?.role === 'arg' && next.status !== 'missing' && !wrongValue.has(at + 1)) {
      wrongValue.set(at + 1, value);
      missingValues.splice(missingValues.indexOf(value), 1);
    }
  }
  tokens.forEach((t, i) => {
    const instead = wrongValue.get(i);
    if (instead) lines.push({ subject: tokens[i - 1]!.expected ?? tokens[i - 1]!.text, status: 'wrong-value', typed: t.text, expected: instead.text });
    else if (t.role === 'flag') {
      if (t.status === 'matched') lines.push({ subject: t.expected ?? t.text, status: 'right' });
      else if (t.status === 'extra') lines.push({ subject: t.text, status: 'extra' });
      else if (t.status === 'wrong') lines.push({ subject: t.expected ?? t.text, status: 'wrong', typed: t.text, expected: t.expected ?? t.text });
      else lines.push(missingLine(t));
    } else if (t.role === 'arg' && t.status === 'extra') lines.push({ subject: t.text, status: 'extra' });
  });
  for (const t of missingValues) lines.push(missingLine(t));
  return lines;
}

function missingLine(t: TokenFeedback): FeedbackLine {
  return t.optional ? { subject: t.text, status: 'missing', optional: true } : { subject: t.text, status: 'missing' };
}

/** The flag written right before `value` in the card's key, if any. */
function flagBefore(key: string, value: string): string | undefined {
  const words = tokenizeCommand(key);
  const i = words.findIndex((w) => w.toLowerCase() === value.toLowerCase());
  const before = words[i - 1];
  return i > 0 && before?.startsWith('-') ? before : undefined;
}
