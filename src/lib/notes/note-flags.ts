/** Flag drafts waiting for their command, and which commands of the whole note use a flag. */
import type { FlagDef } from './patterns.ts';
import { commandName, flagsOf, isBundle, usesFlag } from './shell.ts';

export interface FlagDraft {
  def: FlagDef;
  line: number;
  /** Flags written together (one list, consecutive lines) usually belong to one command. */
  group: string;
  tags: string[];
  /** Command named by the text leading into the list, or the heading. */
  mention?: string;
  /** A command line the flag was explained with (a `# -P …` comment above it). */
  example?: string;
  /** Commands of the section, for working out which one the flags belong to. */
  sectionCommands: string[];
}

/** How a flag written in a command can be asked for: a bundle "-it" also answers for "-i" and "-t". */
function spellings(f: string): string[] {
  return isBundle(f) ? [f, ...[...f.slice(1)].map((x) => `-${x}`)] : [f];
}

/**
 * Which commands of the whole note use a flag. Each index is built on first use and only as far
 * as asked (most flags find their command nearer by; those that do not mostly ask one command
 * name), so resolving flags stays linear.
 */
export class NoteFlags {
  #all: readonly string[];
  #groups: Map<string, string[]> | null = null;
  #names: Map<string, Set<string>> | null = null;
  /** Per command name: each flag's first example in the note. */
  #examples = new Map<string, Map<string, string>>();

  constructor(commands: readonly string[]) {
    this.#all = commands;
  }

  /** The note's commands by name, in note order (one commandName pass serves both questions). */
  #byName(): Map<string, string[]> {
    if (!this.#groups) {
      this.#groups = new Map();
      for (const c of this.#all) {
        const n = commandName(c);
        const list = this.#groups.get(n);
        if (list) list.push(c);
        else this.#groups.set(n, [c]);
      }
    }
    return this.#groups;
  }

  #named(name: string): readonly string[] {
    return this.#byName().get(name) ?? [];
  }

  namesUsing(flag: string): string[] {
    if (!this.#names) {
      const names = (this.#names = new Map<string, Set<string>>());
      for (const [name, commands] of this.#byName()) {
        if (!name.includes(' ')) continue;
        for (const c of commands) {
          for (const f of flagsOf(c)) {
            for (const s of spellings(f)) {
              const set = names.get(s);
              if (set) set.add(name);
              else names.set(s, new Set([name]));
            }
          }
        }
      }
    }
    const direct = this.#names.get(flag);
    if (direct) return [...direct];
    // a bundle such as "-it": rare, so a scan is fine
    if (!isBundle(flag)) return [];
    return [...new Set(this.#all.filter((c) => usesFlag(c, flag)).map(commandName).filter((n) => n.includes(' ')))];
  }

  example(name: string, flag: string): string | undefined {
    let firsts = this.#examples.get(name);
    if (!firsts) {
      firsts = new Map();
      if (name.includes(' ')) {
        for (const c of this.#named(name)) for (const f of flagsOf(c)) for (const s of spellings(f)) if (!firsts.has(s)) firsts.set(s, c);
      }
      this.#examples.set(name, firsts);
    }
    return firsts.get(flag) ?? (isBundle(flag) ? this.#named(name).find((c) => usesFlag(c, flag)) : undefined);
  }
}
