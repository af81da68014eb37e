/**
 * Stage 2, is this line a command? Line-level reading of shell commands: prompts, trailing
 * comments, line-number artefacts, typographic dashes and quotes, prose glued onto a command, and
 * the name a command is filed under. No Markdown here — callers hand in one logical line at a
 * time. The words of a line are read in shell-words.ts, glued commands split in shell-glue.ts.
 */
import { LIMITS } from './limits.ts';
import { memo } from './memo.ts';
import { isJsSpace, typeable } from './text.ts';
import {
  AMBIGUOUS,
  COMPOSE_SUBCOMMANDS,
  DOCKER_GROUPS,
  DOCKER_SUBCOMMANDS,
  PROGRAMS,
  STOPWORDS,
  SUBCOMMAND_PROGRAMS,
  WRAPPERS,
} from './programs.ts';

import { stripLineArtifacts, stripPrompt, tokenize, trailingCommentAt, type Mode, type Token } from './shell-words.ts';

export * from './shell-words.ts';
export { countCommandStarts, splitGlued } from './shell-glue.ts';

/** `# docker ps` is a root prompt when what follows reads as a command; `# 查看日志` is a comment. */
export function rootPrompt(line: string): string | null {
  const m = /^\s*#\s+(\S.*)$/.exec(line);
  if (!m) return null;
  const rest = m[1]!;
  const cmd = readCommand(rest, 'code');
  return cmd && !cmd.desc && !cmd.comment && cmd.command.length === rest.trim().length ? rest : null;
}

const PLACEHOLDER_NOUN = String.raw`(?:容器|镜像|映像|压缩文件|文件|仓库|网络|数据卷|卷|主机|宿主机|用户|服务|项目|本地|目标|源|新)?(?:id|ID|Id|名称|名字|名|号|路径|目录|地址|端口|文件|标签|版本号?)`;
const PLACEHOLDER = new RegExp(String.raw`^[/:]?${PLACEHOLDER_NOUN}(?:[：:/]${PLACEHOLDER_NOUN})*$`);

const HAN_OR_FULLWIDTH = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/;

/** Where the prose starts in a token stream: the first unquoted token that begins in (or glues onto) Chinese. */
function proseStart(line: string, tokens: readonly Token[], from: number): number {
  if (!HAN_OR_FULLWIDTH.test(line)) return -1; // no token can begin or glue onto Chinese
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k]!.text;
    const at = t.search(HAN_OR_FULLWIDTH);
    if (/^["'<$]/.test(t) || /^[^\s]*\//.test(at < 0 ? t : t.slice(0, at))) {
      // quoted strings, <占位符>, ${VAR} and paths may hold Chinese legitimately
      if (!/^[^"'<]*[\u3002\uff0c\uff1a\uff1b]/.test(t)) continue;
    }
    // "容器id", "镜像名称：版本号": a placeholder written in Chinese, an argument rather than prose
    if (PLACEHOLDER.test(t)) continue;
    // "[容器id]", "[镜像名]" and "--name=容器名称": placeholders in brackets or as a flag's value
    if (/^\[[^\]\s]{1,30}\][.,;]?$/.test(t) || /^-{1,2}[\w-]+=/.test(t) && PLACEHOLDER.test(t.slice(t.indexOf('=') + 1))) continue;
    if (at === 0) return tokens[k]!.start;
    if (at > 0) {
      const head = t.slice(0, at);
      // a Chinese word glued after the last argument ("nginx启动容器"); placeholders stay
      if (!/[<>"'{}]/.test(head)) return tokens[k]!.start + at;
    }
  }
  return -1;
}

export interface CommandLine {
  /** Runnable as typed: prompt, comment and prose removed, continuation already joined. */
  command: string;
  /** `# …` after the command. */
  comment?: string;
  /** Prose written after the command on the same line ("docker ps 查看容器"). */
  desc?: string;
  prompt: boolean;
}

/** Index of the program token (after sudo, env assignments …) or -1. */
export function programIndex(tokens: readonly Token[]): number {
  for (let k = 0; k < tokens.length && k < 6; k++) {
    const t = tokens[k]!.text;
    if (t.includes('=') && /^[A-Za-z_][A-Za-z0-9_]*=/.test(t)) continue;
    if (WRAPPERS.has(t)) {
      if (t === 'sudo' || t === 'env') {
        while (tokens[k + 1] && /^-/.test(tokens[k + 1]!.text)) k++;
      }
      continue;
    }
    return k;
  }
  return -1;
}

export function programName(word: string): string {
  return word.includes('/') ? word.replace(/^.*\//, '') : word;
}

function isProgram(word: string, mode: Mode): boolean {
  const base = programName(word);
  if (PROGRAMS.has(base)) return true;
  // ./run.sh, /usr/local/bin/foo, ~/bin/x — only inside code, where paths are typed, not cited
  return mode === 'code' && /^(\.{1,2}|~)?\/[\w.@/-]+$/.test(word) && !/\/$/.test(word) && /[a-z]/.test(base);
}

/** Does `word` look like an argument (flag, path, value) rather than an English word? */
function argLike(word: string): boolean {
  return /^-|[\/.:=$@<{*~"'\d]|^[A-Z_]+$/.test(word);
}

/** Characters tokenize splits on whatever typeable does to them first. */
function surelySpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x3000;
}

function isCjk(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff);
}

/** Characters a Chinese first word may hold without becoming a path, a quote or an escape. */
function plainInCjkWord(c: number): boolean {
  return (
    isCjk(c) ||
    (c >= 0x3001 && c <= 0x303f) ||
    c === 0xff01 || c === 0xff08 || c === 0xff09 || c === 0xff0c || c === 0xff1a || c === 0xff1b || c === 0xff1f ||
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ||
    c === 45 || c === 46 || c === 44 || c === 58 || c === 59 || c === 40 || c === 41
  );
}

/**
 * Most lines handed to readCommand are prose whose first word is Chinese ("查看容器…") or a
 * capitalised English word ("Before you…"): neither is a prompt, a wrapper, an assignment or a
 * program, so the line is no command. One scan of the first word says so before any regex runs;
 * anything less plain (a path, a quote, an escape, an odd character) takes the full reading.
 */
export function plainWordFirst(line: string): boolean {
  let i = 0;
  const n = line.length;
  while (i < n && isJsSpace(line.charCodeAt(i))) i++;
  if (i >= n) return false;
  const c0 = line.charCodeAt(i);
  const cjk = isCjk(c0);
  if (!cjk && !(c0 >= 65 && c0 <= 90)) return false;
  const start = i;
  for (i++; i < n; i++) {
    const c = line.charCodeAt(i);
    if (surelySpace(c)) break;
    if (cjk ? !plainInCjkWord(c) : !((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  // "PS C:\> docker ps" is a PowerShell prompt
  return cjk || !(i - start === 2 && line.startsWith('PS', start));
}

/**
 * One logical line → the command in it, or null if it is not one. `code` is a line from a code
 * block or an inline code span; `prose` a line of running text, which must look more like a command.
 */
export function readCommand(input: string, mode: Mode): CommandLine | null {
  if (!input || input.length > LIMITS.maxLineChars || plainWordFirst(input)) return null;
  return readCommandLine(input, mode);
}

/** readCommand without its fast rejection of plain first words (exported so tests can hold the two to the same answer). */
export function readCommandLine(input: string, mode: Mode): CommandLine | null {
  if (!input || input.length > LIMITS.maxLineChars) return null;
  let line = typeable(input);
  line = (line.includes('\t') ? line.replace(/\t/g, ' ') : line).trimEnd();
  line = stripLineArtifacts(line);
  const p = stripPrompt(line);
  line = p.rest;
  if (mode === 'prose') line = line.replace(/^\s*(?:\d{1,3}[.、)]|[（(]\d{1,3}[)）])\s*(?=[a-z./~])/, '');
  line = line.trim();
  if (!line || line.startsWith('#') || line.startsWith('//')) return null;
  // Most lines are not commands: look at the first words before reading the whole line. (Cutting
  // a trailing comment below only shortens the word list, so this rejects nothing that would pass.)
  const head = tokenize(line, NAME_TOKENS);
  const hp = programIndex(head);
  if (hp < 0 || !isProgram(head[hp]!.text, mode)) return null;

  let comment: string | undefined;
  const hashAt = trailingCommentAt(line);
  if (hashAt > 0) {
    comment = line.slice(hashAt + 1).trim() || undefined;
    line = line.slice(0, hashAt).replace(/\/$/, '').trimEnd();
  }
  // (when nothing was cut and the line had fewer words than were looked at, those are all of them)
  let tokens = hashAt < 0 && head.length < NAME_TOKENS ? head : tokenize(line);
  const pi = programIndex(tokens);
  if (pi < 0) return null;
  const progTok = tokens[pi]!.text;
  if (!isProgram(progTok, mode)) return null;
  const prog = programName(progTok);
  const next = tokens[pi + 1]?.text;

  let desc: string | undefined;
  // "docker ps — lists running containers": a spaced dash never belongs to a command
  const dash = line.search(SPACED_DASH);
  let cut = dash > 0 ? dash : proseStart(line, tokens, pi + 1);
  if (dash > 0) {
    const before = proseStart(line, tokens, pi + 1);
    if (before >= 0 && before < dash) cut = before;
  }
  if (cut >= 0) {
    desc = line.slice(cut).replace(/^[\s\uff1a:\uff0c,\u3001\-—–]+/, '').trim() || undefined;
    line = line.slice(0, cut).trimEnd();
    tokens = tokenize(line);
  }
  line = line.replace(/[\s\u3002\uff0c\uff1b\uff1a\u3001,;:]+$/, (m) => (m.trim() === ';' ? m : '')).trimEnd();
  // an unbalanced closing bracket left from "（docker ps）" or "(see docker ps)"
  if (/[)）]$/.test(line) && count(line, '(') < count(line, ')') + (line.endsWith('）') ? 1 : 0)) line = line.slice(0, -1).trimEnd();
  if (!line) return null;
  const args = tokens.slice(pi + 1).map((t) => t.text);

  if (prog === 'docker' || prog === 'podman') {
    if (next !== undefined && !DOCKER_SUBCOMMANDS.has(next) && !next.startsWith('-')) return null;
    if (next === undefined && mode === 'prose') return null;
  } else if (prog === 'docker-compose') {
    if (next !== undefined && !COMPOSE_SUBCOMMANDS.has(next) && !next.startsWith('-')) return null;
    if (next === undefined && mode === 'prose') return null;
  } else if (AMBIGUOUS.has(prog) && pi === 0) {
    // "top", "history": accepted alone in code; in prose only with an argument that looks like one
    if (mode === 'prose' && !args.some(argLike)) return null;
    if (mode === 'code' && args.length > 0 && !args.some(argLike) && args.length > 2) return null;
  } else if (mode === 'prose' && args.length === 0 && pi === 0) {
    return null;
  }
  if (next !== undefined && /^[:=]/.test(next)) return null; // "docker: 一个容器引擎", "env = …"
  if (/^[A-Za-z-]+[:：]$/.test(progTok)) return null;
  let stop = 0;
  for (const a of args) if (a.length <= MAX_STOPWORD && STOPWORDS.has(/[A-Z]/.test(a) ? a.toLowerCase() : a)) stop++;
  if (stop >= 2 || (mode === 'prose' && stop >= 1 && args.length <= 3)) return null;
  if (desc === undefined && mode === 'prose' && /[\u4e00-\u9fff]/.test(line) && !/["'<]/.test(line)) return null;

  const command = line.length > LIMITS.maxCommand ? line.slice(0, LIMITS.maxCommand) : line;
  return { command, comment, desc, prompt: p.prompt };
}

const SPACED_DASH = /\s[\u2013\u2014]+\s+(?=\S)/;

const MAX_STOPWORD = Math.max(...[...STOPWORDS].map((w) => w.length));

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** Tokens programIndex and commandName look at: the program is among the first six, then two words. */
const NAME_TOKENS = 8;

/**
 * "docker run", "docker volume create", "docker compose up", "systemctl restart", "curl": the
 * program and its subcommand words — what a flag belongs to and what tags a card.
 */
export const commandName = memo(nameOf);

function nameOf(command: string): string {
  const tokens = tokenize(command, NAME_TOKENS);
  const pi = programIndex(tokens);
  if (pi < 0) return '';
  const prog = programName(tokens[pi]!.text);
  const words = [prog];
  const w1 = tokens[pi + 1]?.text;
  const w2 = tokens[pi + 2]?.text;
  const word = (w: string | undefined): w is string => !!w && /^[a-z][a-z0-9-]*$/.test(w);
  if (prog === 'docker' || prog === 'podman') {
    if (word(w1) && DOCKER_SUBCOMMANDS.has(w1)) {
      words.push(w1);
      if (DOCKER_GROUPS.has(w1) && word(w2)) words.push(w2);
    }
  } else if (prog === 'docker-compose') {
    if (word(w1) && COMPOSE_SUBCOMMANDS.has(w1)) words.push(w1);
  } else if (SUBCOMMAND_PROGRAMS.has(prog) && word(w1)) {
    words.push(w1);
  }
  return words.join(' ');
}

/** The program a card is filed under: "docker", "docker compose", "docker-compose", "systemctl". */
export const programTag = memo((command: string): string => {
  const name = commandName(command);
  if (name.startsWith('docker compose')) return 'docker compose';
  return name.split(' ')[0] ?? '';
});
