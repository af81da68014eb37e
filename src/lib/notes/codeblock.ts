/**
 * A shell code block → the commands in it, each with the comment lines that describe it.
 * Conventions read here: `# comment` / `// comment` above one or more commands, `# or` between
 * alternatives, trailing `# comment`, `$ ` / `# ` / `[root@x ~]# ` prompts (then unprompted lines
 * are output), `\` continuations (commented-out lines inside them dropped), heredocs, and divider
 * comments (`# ---------- 日志`) that name a group of commands.
 */
import { LIMITS } from './limits.ts';
import { memo } from './memo.ts';
import type { FlagDef } from './patterns.ts';
import { flagLine } from './rules/flag-forms.ts';
import { cutLegends } from './rules/legend.ts';
import { continues, heredocEnd, readCommand, rootPrompt, splitGlued, stripLineArtifacts, stripPrompt, usesFlag } from './shell.ts';

export interface ShellItem {
  command: string;
  /** 1-based line in the note. */
  line: number;
  /** Explanation: the command's own comment, or the comment lines above it. */
  explain: string[];
  /** True when `explain` came from this line (trailing comment or prose) rather than lines above. */
  own: boolean;
  /** Name of the divider group the command sits in. */
  group?: string;
  /** The explanation starts with this flag and the command uses it: a flag card, not a command card. */
  flag?: string;
  /** Flags explained in a bracketed legend after the command (`[-a:全部;-q:只显示ID]`). */
  legend?: FlagDef[];
  /** Commands after a blank line or typed at a different prompt are separate steps: 0 for the first run. */
  segment: number;
}

const SHELL_LANGS = new Set(
  'sh bash shell zsh console shell-session shellsession terminal fish ksh csh tcsh powershell ps1 pwsh cmd bat batch docker text txt plain plaintext none'.split(' '),
);

/** Is a fence with this info string meant to hold commands? (No language: look at the lines.) */
export function isShellLang(lang: string | null | undefined): boolean {
  return shellLang(lang ?? '');
}

/** (A note uses a handful of fence languages, each many times.) */
const shellLang = memo((lang: string): boolean => {
  const l = lang.trim().toLowerCase().replace(/^\{?\.?/, '').split(/[\s{,:]/)[0] ?? '';
  return l === '' || SHELL_LANGS.has(l);
});

const DIVIDER = /^\s*(?:#|\/\/)\s*[-=*#~_+]{3,}\s*(.*?)\s*[-=*#~_+]*\s*$/;
const HEADING_COMMENT = /^\s*#{2,}\s+(\S.*?)\s*#*\s*$/;
const COMMENT = /^\s*(?:#|\/\/)(?!!)\s?(.*)$/;
const MAY_BE_COMMENT = /^\s*[#/]/;
const OR = /^(?:or|OR|Or|或者?|或是|也可以|or:|或者：|或:)$/;
const FLAG_LEAD = /^(-{1,2}[A-Za-z][\w-]*)/;
const NUMBERED = /^\s*(\d{1,4})(?:\s*[|│]\s?|[\s.:)]\s*)/;

/** Blocks copied with their line numbers ("1 docker pull …", "2 docker run …"): strip them. */
function numberedLines(lines: readonly string[]): boolean {
  let seen = 0;
  let numbered = 0;
  let last = 0;
  for (const l of lines) {
    if (!l.trim()) continue;
    seen++;
    const m = NUMBERED.exec(l);
    if (m && Number(m[1]) > last) {
      numbered++;
      last = Number(m[1]);
    }
  }
  return seen >= 2 && numbered >= seen * 0.8;
}

const EXAMPLE_MARK = /^(?:exp?\d*|eg|e\.g\.|example|examples|例如|例|示例|比如)\s*[:：.]?\s*/i;

/** A comment that only shows a command ("# e.g. docker save -o a.tar img", "# docker ps -a"). */
function isExample(comment: string): boolean {
  const rest = comment.replace(EXAMPLE_MARK, '');
  if (!/^(?:sudo\s+)?[a-z./~]/.test(rest)) return false; // commands start with a lower-case program name or a path
  const read = readCommand(rest.split(/[;；]/)[0]!, 'code');
  return !!read && !read.desc && (rest !== comment || read.command.length >= rest.split(/[;；]/)[0]!.trim().length - 1);
}

export function readShellBlock(code: string, firstLine: number): ShellItem[] {
  const raw = code.split('\n');
  const lines = numberedLines(raw) ? raw.map((l) => l.replace(NUMBERED, '').replace(/\s+[|│]\s*$/, '')) : raw;
  const prompts = lines.map((l) => stripPrompt(stripLineArtifacts(l)));
  const prompted = prompts.some((p) => p.prompt);
  const items: ShellItem[] = [];
  let explain: string[] = [];
  let afterCommand = false;
  let lastShared: string[] = [];
  let group: string | undefined;
  let segment = 0;
  let lastKind: number | undefined;
  const breakSegment = () => {
    if (items.length && items[items.length - 1]!.segment === segment) segment++;
  };

  for (let i = 0; i < lines.length; i++) {
    if (items.length > LIMITS.maxCards) break;
    const text = lines[i]!;
    if (!text.trim()) {
      explain = [];
      afterCommand = false;
      breakSegment();
      continue;
    }
    // dividers, comments and root prompts all start with "#" or "//": most lines start otherwise
    const marked = MAY_BE_COMMENT.test(text);
    const div = marked ? (DIVIDER.exec(text) ?? HEADING_COMMENT.exec(text)) : null;
    if (div) {
      const name = div[1]!.replace(/[-=*#~_+]+$/, '').trim();
      group = name || undefined;
      explain = [];
      afterCommand = false;
      continue;
    }
    const root = marked ? rootPrompt(text) : null;
    const comment = marked && root === null ? COMMENT.exec(text) : null;
    if (comment) {
      const c = comment[1]!.trim();
      if (OR.test(c.replace(/[:：]$/, ''))) {
        explain = [...lastShared];
        afterCommand = false;
        continue;
      }
      // "# -t参数用来指定镜像名" right under a command using -t: what that flag does there
      const last = afterCommand ? items[items.length - 1] : undefined;
      const about = last && FLAG_LEAD.test(c) ? flagLine(c) : null;
      if (last && about && usesFlag(last.command, about.flag)) {
        (last.legend ??= []).push(about);
        continue;
      }
      if (afterCommand) explain = [];
      afterCommand = false;
      // "# e.g. docker load < x.tar": an example, not what the next command does
      if (c && !isExample(c)) explain.push(c);
      continue;
    }

    // Gather one logical line: continuations (skipping commented-out arguments) and heredocs.
    // Only the newest piece is tested and pieces are joined once: linear in the block's size.
    const start = i;
    const first = root ?? text;
    let logical = first;
    if (continues(first)) {
      const parts = [first.replace(/\\\s*$/, '').trimEnd()];
      let last = first;
      let size = parts[0]!.length;
      while (continues(last) && i + 1 < lines.length) {
        const nextLine = lines[++i]!;
        if (COMMENT.test(nextLine)) {
          if (!continues(nextLine)) break;
          continue;
        }
        last = nextLine;
        // past the longest line read as a command the rest is only consumed, not kept
        if (size <= LIMITS.maxLineChars) {
          const piece = nextLine.trim().replace(/\\\s*$/, '').trimEnd();
          parts.push(piece);
          size += piece.length + 1;
        }
      }
      logical = parts.join(' ').trimEnd();
    }

    const isPrompted = root !== null || prompts[start]!.prompt;
    if (prompted && !isPrompted) {
      // output printed by the previous command
      explain = [];
      afterCommand = false;
      continue;
    }
    // typed at another prompt (inside a container, on another host): a new step
    const kind = root !== null ? -2 : prompts[start]!.kind;
    if (prompted && lastKind !== undefined && kind !== lastKind) breakSegment();
    lastKind = kind;
    const legend = cutLegends(logical);
    if (legend) logical = legend.line;
    const read = readCommand(logical, 'code');
    if (!read) {
      // output, YAML or prose inside the block: whatever comment was pending described it
      explain = [];
      afterCommand = false;
      continue;
    }
    let command = read.command;
    const end = command.includes('<<') ? heredocEnd(command) : null;
    if (end) {
      const body: string[] = [];
      while (i + 1 < lines.length && body.length < 500) {
        const l = lines[++i]!;
        body.push(l);
        if (l.trim() === end) break;
      }
      command = [command, ...body].join('\n');
    }
    // a trailing comment that is itself a command is an example of this one, not its meaning
    const own = [read.comment && !isExample(read.comment) ? read.comment : undefined, read.desc].filter((x): x is string => !!x);
    const parts = end ? [command] : splitGlued(command, 'code');
    for (const part of parts) {
      const why = own.length ? own : explain;
      const first = why[0] ?? '';
      const fm = FLAG_LEAD.exec(first);
      items.push({
        command: part,
        line: firstLine + start,
        explain: [...why],
        own: own.length > 0,
        segment,
        ...(group ? { group } : {}),
        ...(fm && usesFlag(part, fm[1]!) ? { flag: fm[1]! } : {}),
        ...(legend ? { legend: legend.flags } : {}),
      });
    }
    if (explain.length) lastShared = explain;
    afterCommand = true;
  }
  return items;
}
