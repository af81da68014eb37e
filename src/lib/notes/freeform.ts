/**
 * Free-form notes → entries. Reads a section's blocks in order, the way a person skims a note:
 * a comment or a lead-in line says what the command under it does, a bullet names an action and
 * the quote under it is the command, a flag list explains the flags of the command around it,
 * "A 和 B 的区别" starts a comparison, a term with prose under it is a concept.
 */
import type { Entry } from './entry.ts';
import { detectLang } from './lang.ts';
import { LIMITS } from './limits.ts';
import { NoteFlags, type FlagDraft } from './note-flags.ts';
import type { Section } from './outline.ts';
import { SectionRun } from './section-run.ts';
import { commandName, programTag, usesFlag } from './shell.ts';
import { clip, textsFrom, titleAndBody } from './text.ts';
export { flattenedPieces } from './freeform-paragraphs.ts';
export { sidesFrom } from './compare-sides.ts';

/** A command's card key: its first line without `sudo`, blanks collapsed (fast path: most commands need none of it). */
function commandKey(command: string): string {
  const nl = command.indexOf('\n');
  let k = nl < 0 ? command : command.slice(0, nl);
  if (k.startsWith('sudo')) k = k.replace(/^sudo\s+/, '');
  if (/\s\s|[^\S ]/.test(k)) k = k.replace(/\s+/g, ' ');
  return k.trim();
}

export class FreeformReader {
  entries: Entry[] = [];
  #drafts: FlagDraft[] = [];
  #noteLang: string;
  #fileTags: readonly string[];
  #group = 0;

  constructor(noteLang: string, fileTags: readonly string[]) {
    this.#noteLang = noteLang;
    this.#fileTags = fileTags;
  }

  #langOf(text: string, fallback?: string): string {
    return detectLang(text) ?? fallback ?? this.#noteLang;
  }

  #titleLang = { title: '', lang: '' };
  /** The language of a section's title: asked for every command of the section. */
  #langOfTitle(title: string): string {
    if (this.#titleLang.title !== title || !this.#titleLang.lang) this.#titleLang = { title, lang: this.#langOf(title) };
    return this.#titleLang.lang;
  }

  #tags(sec: Section, extra: readonly (string | undefined)[] = []): string[] {
    return [...sec.tags, ...extra.filter((x): x is string => !!x), ...this.#fileTags];
  }

  /** A command card. `why` are explanation lines; none → filled in from the heading at the end of the section. */
  #command(sec: Section, command: string, why: readonly string[], line: number, group?: string): Entry {
    const key = clip(commandKey(command), LIMITS.maxKey);
    const e: Entry = {
      kind: 'command',
      key,
      command,
      text: textsFrom(why, this.#langOfTitle(sec.title)),
      tags: this.#tags(sec, [group, programTag(command)]),
      line,
    };
    this.entries.push(e);
    return e;
  }

  readSection(sec: Section): void {
    const r = new SectionRun(this, sec);
    r.run();
  }

  /** Internal hooks for SectionRun. */
  _command(sec: Section, command: string, why: readonly string[], line: number, group?: string): Entry {
    return this.#command(sec, command, why, line, group);
  }
  _draft(d: FlagDraft): void {
    this.#drafts.push(d);
  }
  _nextGroup(): string {
    return String(++this.#group);
  }
  _lang(text: string, fallback?: string): string {
    return this.#langOf(text, fallback);
  }
  _tags(sec: Section, extra: readonly (string | undefined)[] = []): string[] {
    return this.#tags(sec, extra);
  }

  /** Flags learn their command last, when every command of the note is known. */
  finish(): Entry[] {
    const index = new NoteFlags(this.entries.filter((e) => e.kind === 'command' && e.command).map((e) => e.command!));
    const byGroup = new Map<string, FlagDraft[]>();
    for (const d of this.#drafts) {
      const g = byGroup.get(d.group);
      if (g) g.push(d);
      else byGroup.set(d.group, [d]);
    }
    for (const group of byGroup.values()) {
      // the command covering most of the group's flags in the section, if it covers at least two
      const coverage = new Map<string, Set<string>>();
      for (const cmd of group[0]!.sectionCommands) {
        const name = commandName(cmd);
        if (!name.includes(' ')) continue;
        const set = coverage.get(name) ?? new Set<string>();
        for (const d of group) if (usesFlag(cmd, d.def.flag)) set.add(d.def.flag);
        coverage.set(name, set);
      }
      const ranked = [...coverage].sort((a, b) => b[1].size - a[1].size);
      const best = ranked[0] && ranked[0][1].size >= 2 && (ranked[1]?.[1].size ?? 0) < ranked[0][1].size ? ranked[0][0] : undefined;
      for (const d of group) {
        const flag = d.def.flag;
        let cmd = d.def.command ?? (d.example ? commandName(d.example) : undefined) ?? d.mention ?? best;
        if (!cmd) {
          const near = new Set(d.sectionCommands.filter((c) => usesFlag(c, flag)).map(commandName).filter((n) => n.includes(' ')));
          if (near.size === 1) cmd = [...near][0];
        }
        if (!cmd) {
          const names = index.namesUsing(flag);
          if (names.length === 1) cmd = names[0];
        }
        const example = d.example ?? (cmd ? (d.sectionCommands.find((c) => commandName(c) === cmd && usesFlag(c, flag)) ?? index.example(cmd, flag)) : undefined);
        const key = cmd ? `${cmd} ${flag}` : flag;
        const lang = this.#langOf(d.def.desc);
        const t = titleAndBody(d.def.desc);
        const e: Entry = {
          kind: 'flag',
          key,
          flag,
          text: t.title ? { [lang]: t } : {},
          tags: [...d.tags, ...(cmd ? [programTag(cmd)] : [])],
          line: d.line,
        };
        const command = example ?? cmd;
        if (command) e.command = command;
        if (d.def.aliases.length) e.aliases = d.def.aliases;
        this.entries.push(e);
      }
    }
    this.#drafts = [];
    return this.entries;
  }
}
