/**
 * Parses a Docker command line the way the CLI (cobra + pflag) does, against the catalogue:
 * subcommands, combined short flags (`-itd`, `-p8080:80`), `--flag=value` and `--flag value`,
 * booleans, `--`, the end of Docker's options at the image (the rest is the container's), the
 * options `docker` and `docker compose` take before their subcommand. Mistakes are reported on
 * the part they belong to, with the fix.
 */
import { osaDistance } from '../search/typo.ts';
import { findOption, optionNames, type CatalogueIndex, type CliCommand, type CliOption } from './catalogue.ts';
import { DECODERS, decodeImage, type Decoded } from './decode.ts';
import type { Word } from './shell.ts';

export type PartRole = 'program' | 'command' | 'option' | 'argument' | 'container-command' | 'end-of-options';

export type ProblemCode =
  | 'unknown-command'
  | 'unknown-flag'
  | 'near-miss'
  | 'flag-case'
  | 'missing-value'
  | 'typographic-dash'
  | 'deprecated'
  | 'bad-value';

export interface Problem {
  code: ProblemCode;
  /** What was typed wrong: the flag, command or value. */
  subject: string;
  /** The likely fix: "--detach", "-p", "--rm". */
  fix?: string;
  /** bad-value: why (a label key of describe.ts). */
  detail?: string;
}

export interface Part {
  /** As typed: "-p 8080:80", "--rm", "run", "nginx:1.27". A bundle's letters each get a part ("-i" of "-itd"). */
  text: string;
  role: PartRole;
  /** Catalogue name of the command this part belongs to ("docker container run"). */
  command: string;
  option?: CliOption;
  /** The flag spelling typed, without any value: "-p", "--publish". */
  flag?: string;
  value?: string;
  /** For arguments: the usage slot ("IMAGE", "CONTAINER"). */
  slot?: string;
  decoded?: Decoded;
  problems?: Problem[];
}

export interface ParsedCommand {
  /** "docker", "docker-compose". */
  program: string;
  /** The catalogue command reached ("docker container run"). */
  command: string;
  parts: Part[];
}

interface Slot {
  name: string;
  repeats: boolean;
}

/** "[OPTIONS] IMAGE [COMMAND] [ARG...]" → IMAGE, COMMAND, ARG… */
function slotsOf(usage: string): Slot[] {
  return usage
    .replace(/\s*\|\s*/g, '|')
    .split(/\s+/)
    .filter((t) => t && t !== '[OPTIONS]' && t !== '[OPTIONS...]')
    .map((t) => ({ name: /[A-Z][A-Z_|-]*/.exec(t)?.[0] ?? t, repeats: t.includes('...') }));
}

/** run, create, exec, service create, compose run/exec: after the first argument comes the container's command. */
function stopsAtArgument(slots: Slot[]): boolean {
  return slots.length > 1 && slots[0]!.name !== 'COMMAND' && slots.slice(1).some((s) => s.name === 'COMMAND');
}

const TYPO_DASH = /^[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]+/;

function nearest(word: string, names: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const max = word.length <= 4 ? 1 : 2;
  for (const n of names) {
    const dist = osaDistance(word, n, max);
    if (dist <= max && dist < bestD) {
      best = n;
      bestD = dist;
    }
  }
  return best;
}

function decodeValue(option: CliOption, value: string): Decoded | undefined {
  const decoder = option.long ? DECODERS[option.long] : undefined;
  return decoder?.(value);
}

// What Docker's docs recommend instead of a legacy option.
const MODERN: Record<string, string> = { link: '--network' };

function problemsOf(part: Part): Problem[] {
  return (part.problems ??= []);
}

function withDecoded(part: Part): Part {
  if (part.option && part.value !== undefined) {
    const decoded = decodeValue(part.option, part.value);
    if (decoded) {
      part.decoded = decoded;
      if (decoded.invalid) problemsOf(part).push({ code: 'bad-value', subject: part.value, detail: decoded.invalid });
    }
  }
  if (part.option?.deprecated) {
    const fix = part.option.long ? MODERN[part.option.long] : undefined;
    problemsOf(part).push({ code: 'deprecated', subject: part.flag ?? part.text, ...(fix ? { fix } : {}) });
  }
  return part;
}

/** Options a command accepts: its own, then (compose only) the ones its parents pass down. */
function lookup(cat: CatalogueIndex, command: CliCommand, flag: string): CliOption | undefined {
  const own = findOption(command, flag);
  if (own || !command.name.startsWith('docker compose ')) return own;
  return findOption(cat.byName.get('docker compose')!, flag);
}

function allFlags(cat: CatalogueIndex, command: CliCommand): string[] {
  const opts = [...command.options];
  if (command.name.startsWith('docker compose ')) opts.push(...cat.byName.get('docker compose')!.options);
  return opts.filter((o) => o.long).map((o) => o.long!);
}

/**
 * Parses one simple command whose program is docker or docker-compose. `words[0]` is the
 * program word.
 */
export function parseDocker(cat: CatalogueIndex, words: readonly Word[]): ParsedCommand {
  const program = words[0]!.value;
  let command = cat.byName.get(program === 'docker-compose' ? 'docker compose' : 'docker')!;
  const parts: Part[] = [{ text: words[0]!.raw, role: 'program', command: command.name }];
  let slots = slotsOf(command.usage);
  let args = 0;
  let i = 1;
  let optionsEnded = false;

  const positional = (w: Word): boolean => {
    if (command.subcommands && args === 0) {
      const sub = cat.byName.get(`${command.name} ${w.value}`);
      if (sub) {
        command = sub;
        slots = slotsOf(command.usage);
        parts.push({ text: w.raw, role: 'command', command: command.name });
        return false;
      }
      const fix = nearest(w.value, command.subcommands);
      const problem: Problem = { code: 'unknown-command', subject: w.value };
      if (fix) problem.fix = fix;
      parts.push({ text: w.raw, role: 'command', command: command.name, problems: [problem] });
      return true;
    }
    const slot = slots[Math.min(args, slots.length - 1)];
    const part: Part = { text: w.raw, role: 'argument', command: command.name, value: w.value };
    if (slot) part.slot = slot.name;
    if (slot && /IMAGE|REPOSITORY/.test(slot.name) || (slot?.name === 'NAME' && /NAME\[:TAG/.test(command.usage))) {
      part.decoded = decodeImage(w.value);
      if (part.decoded.invalid) part.problems = [{ code: 'bad-value', subject: w.value, detail: part.decoded.invalid }];
    }
    parts.push(part);
    args++;
    if (args === 1 && stopsAtArgument(slots)) {
      const rest = words.slice(i + 1);
      if (rest.length) parts.push({ text: rest.map((r) => r.raw).join(' '), role: 'container-command', command: command.name, value: rest.map((r) => r.value).join(' ') });
      return true;
    }
    return false;
  };

  for (; i < words.length; i++) {
    const w = words[i]!;
    let text = w.value;
    if (optionsEnded || !(text.startsWith('-') || TYPO_DASH.test(text)) || text === '-') {
      if (positional(w)) break;
      continue;
    }
    if (text === '--') {
      optionsEnded = true;
      parts.push({ text: w.raw, role: 'end-of-options', command: command.name });
      continue;
    }
    const problems: Problem[] = [];
    const dash = TYPO_DASH.exec(text);
    if (dash) {
      // "–rm" (one en dash for two hyphens), "—detach", "−d": read as the hyphens meant.
      const fixed = text.length - dash[0].length === 1 ? `-${text.slice(dash[0].length)}` : `--${text.slice(dash[0].length)}`;
      problems.push({ code: 'typographic-dash', subject: text, fix: fixed });
      text = fixed;
    }
    if (text.startsWith('--')) {
      const eq = text.indexOf('=');
      const flag = eq === -1 ? text : text.slice(0, eq);
      const option = lookup(cat, command, flag);
      const part: Part = { text: w.raw, role: 'option', command: command.name, flag };
      if (!option) {
        const fix = nearest(flag.slice(2), allFlags(cat, command));
        problems.push(fix ? { code: 'near-miss', subject: flag, fix: `--${fix}` } : { code: 'unknown-flag', subject: flag });
        if (problems.length) part.problems = problems;
        parts.push(part);
        continue;
      }
      part.option = option;
      if (eq !== -1) part.value = text.slice(eq + 1);
      else if (option.type) {
        const next = words[i + 1];
        if (next) {
          part.value = next.value;
          part.text = `${w.raw} ${next.raw}`;
          i++;
        } else problems.push({ code: 'missing-value', subject: flag });
      }
      if (problems.length) part.problems = problems;
      parts.push(withDecoded(part));
      continue;
    }
    // A cluster of short flags: each letter a flag, until one that takes a value eats the rest.
    for (let j = 1; j < text.length; j++) {
      const flag = `-${text[j]}`;
      const option = lookup(cat, command, flag);
      const part: Part = { text: text.length === 2 ? w.raw : flag, role: 'option', command: command.name, flag };
      const own = j === 1 ? problems.splice(0) : [];
      if (!option) {
        const swapped = flag === flag.toLowerCase() ? flag.toUpperCase() : flag.toLowerCase();
        own.push(lookup(cat, command, swapped) ? { code: 'flag-case', subject: flag, fix: swapped } : { code: 'unknown-flag', subject: flag });
        part.problems = own;
        parts.push(part);
        continue;
      }
      part.option = option;
      if (option.type) {
        const inline = text.slice(j + 1).replace(/^=/, '');
        if (inline) {
          part.value = inline;
          part.text = j === 1 ? w.raw : `${flag}${text.slice(j + 1)}`;
        } else if (words[i + 1]) {
          part.value = words[i + 1]!.value;
          part.text = `${part.text} ${words[i + 1]!.raw}`;
          i++;
        } else own.push({ code: 'missing-value', subject: flag });
        if (own.length) part.problems = own;
        parts.push(withDecoded(part));
        // "docker run -p nginx": the value reads as the image, and -P is a switch: -P was likely meant.
        const other = lookup(cat, command, flag === flag.toLowerCase() ? flag.toUpperCase() : flag.toLowerCase());
        const readsAsImage = /^[a-z][^:]*$/.test(part.value ?? '') && !decodeImage(part.value!).invalid;
        if (part.decoded?.invalid && other && !other.type && stopsAtArgument(slots) && readsAsImage) {
          problemsOf(part).push({ code: 'flag-case', subject: flag, fix: optionNames(other)[0]! });
        }
        break;
      }
      // -P followed by what reads as a port: the user most likely meant -p. Say both.
      const twin = lookup(cat, command, flag === flag.toLowerCase() ? flag.toUpperCase() : flag.toLowerCase());
      const next = words[i + 1];
      const decodeTwin = twin?.long ? DECODERS[twin.long] : undefined;
      if (twin && decodeTwin && next && j === text.length - 1 && /^[\d[]/.test(next.value) && !decodeTwin(next.value).invalid) {
        // Docker would take the value for the image; read it as the twin's, and say so.
        own.push({ code: 'flag-case', subject: flag, fix: optionNames(twin)[0]! });
        part.text = `${part.text} ${next.raw}`;
        part.value = next.value;
        part.decoded = decodeTwin(next.value);
        i++;
      }
      if (own.length) part.problems = own;
      parts.push(withDecoded(part));
    }
  }
  return { program, command: command.name, parts };
}
