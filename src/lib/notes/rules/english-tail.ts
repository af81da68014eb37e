/**
 * English said after a command on the same line, in notes written as running text:
 *   "# docker stop $(docker ps -a -q) stops all running containers."
 *   "kill all running containers with # docker kill $(docker ps -q)"
 */
import { readCommand, tokenize } from '../shell.ts';
import { STOPWORDS } from '../programs.ts';

const ARG = /[-$()_:./=<>{}\d@]/;
const WORD = /^[A-Za-z][a-z']*[,.;]?$/;

/** "docker stop $(x) stops all running containers." → the command and the words after it. */
export function cutEnglishTail(line: string): { command: string; tail?: string } {
  const tokens = tokenize(line);
  let lastArg = -1;
  for (let k = 2; k < tokens.length; k++) if (ARG.test(tokens[k]!.text)) lastArg = k;
  if (lastArg < 0 || tokens.length - lastArg - 1 < 2) return { command: line };
  const tail = tokens.slice(lastArg + 1);
  if (!tail.every((t) => WORD.test(t.text))) return { command: line };
  if (!/[.,;]$/.test(line.trim()) && !tail.some((t) => STOPWORDS.has(t.text.toLowerCase().replace(/[,.;]$/, '')))) return { command: line };
  return { command: line.slice(0, tokens[lastArg]!.end).trim(), tail: line.slice(tail[0]!.start).replace(/[\s,.;]+$/, '') };
}

const INLINE_PROMPT = /(?:^|\s)[#$]\s+(?=(?:sudo\s+)?(?:docker(?:-compose)?|podman|kubectl|systemctl)\s+[a-z])/;
const LEAD_WORDS = /\s*\b(?:with|using|via|by|run|use|type|is|while|and)\s*[:：]?\s*$|\s*[:：]\s*$/i;

/** A command typed after a prompt inside a sentence, and the sentence's words about it. */
export function inlinePrompt(line: string): { command: string; meaning?: string } | null {
  const m = INLINE_PROMPT.exec(line);
  if (!m || m.index === 0) return null;
  const before = line.slice(0, m.index).replace(LEAD_WORDS, '').trim();
  const after = line.slice(m.index + m[0].length);
  const read = readCommand(after, 'code');
  if (!read) return null;
  const { command, tail } = cutEnglishTail(read.command);
  const meaning = [before.replace(/^(?:while|and|then|so)\b\s*/i, ''), tail].filter((x) => x && /[A-Za-z\u4e00-\u9fff]{2}/.test(x)).join(' — ');
  return { command, ...(meaning ? { meaning } : {}) };
}
