/**
 * One section of a free-form note, read top to bottom (see freeform.ts). Stage 3 of the indexer:
 * the section's state — the pending lead-in, the commands just read, the run of flags — and the
 * rules that attach a description to a command or a flag. The block readers (read-code.ts,
 * read-paragraph.ts, read-table.ts) classify what they see and hand commands and flags here;
 * section-cards.ts assembles the section's remaining cards when it ends.
 */
import type { Block } from './blocks.ts';
import type { Entry } from './entry.ts';
import type { FreeformReader } from './freeform.ts';
import { shapeLead, type Lead, type Prose } from './freeform-leads.ts';
import { isJunk } from './freeform-paragraphs.ts';
import type { FlagDraft } from './note-flags.ts';
import type { Section } from './outline.ts';
import { colonDef, mentionedCommand, termThenHan, type CompareDef, type FlagDef } from './patterns.ts';
import { readCode } from './read-code.ts';
import { readParagraph } from './read-paragraph.ts';
import { readTable } from './read-table.ts';
import { flagLine } from './rules/flag-forms.ts';
import { readHelpOutput, usageOwner } from './rules/help-output.ts';
import { isGenericLead } from './rules/generic-heading.ts';
import { finishSection } from './section-cards.ts';
import { commandName } from './shell.ts';
import { endsWithColon, stripMarkers, textsFrom } from './text.ts';

export interface CompareDraft {
  def: CompareDef;
  line: number;
  lines: string[];
  tags: string[];
}

/** One section, read top to bottom. */
export class SectionRun {
  r: FreeformReader;
  sec: Section;
  lead: Lead | null = null;
  last: Entry[] = [];
  lastExplained = true;
  afterCommand = false;
  prose: Prose[] = [];
  compare: CompareDraft | null = null;
  commands: string[] = [];
  flagGroup = '';
  flagMention: string | undefined;
  lastFlagList = -1;
  drafts: FlagDraft[] = [];
  own: Entry[] = [];
  defLists = new Map<number, number>();
  /** The list item of the last bulleted command, and that command's name. */
  lastCmd: { item: number; name: string } | undefined;
  /** The command the last `Usage:` line named: pasted help output below it is its flags. */
  usage: string | undefined;

  constructor(r: FreeformReader, sec: Section) {
    this.r = r;
    this.sec = sec;
    // lists in which most items read "term：meaning" are definition lists
    const counts = new Map<number, { all: number; defs: number; terms: number }>();
    for (const b of sec.blocks) {
      if (b.type !== 'para' || !b.list?.first) continue;
      const c = counts.get(b.list.list) ?? { all: 0, defs: 0, terms: 0 };
      c.all++;
      if (colonDef(b.text) && !flagLine(b.text)) c.defs++;
      if (termThenHan(b.text)) c.terms++;
      counts.set(b.list.list, c);
    }
    for (const [list, c] of counts) {
      if (c.all >= 2 && c.defs >= Math.max(2, c.all * 0.6)) this.defLists.set(list, 1);
      else if (c.all >= 3 && c.terms >= c.all * 0.7) this.defLists.set(list, 2);
    }
  }

  /** Junk answers by block index: a paragraph is asked about once more when the one before looks ahead. */
  junk: (boolean | undefined)[] = [];

  isJunkAt(i: number): boolean {
    return (this.junk[i] ??= isJunk(this.sec.blocks[i]!));
  }

  /** The first of the next three blocks that is not a junk paragraph (an image, a link list). */
  nextMeaningful(i: number): Block | undefined {
    const blocks = this.sec.blocks;
    for (let k = i + 1; k < blocks.length && k < i + 4; k++) {
      const x = blocks[k]!;
      if (x.type !== 'para' || !this.isJunkAt(k)) return x;
    }
    return undefined;
  }

  run(): void {
    const blocks = this.sec.blocks;
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (b.type === 'code') readCode(this, b);
      else if (b.type === 'para') {
        if (!this.isJunkAt(i)) readParagraph(this, b, this.nextMeaningful(i));
      }
      else if (b.type === 'table') readTable(this, b);
      else {
        this.lead = null;
        this.afterCommand = false;
      }
    }
    finishSection(this);
  }

  // ---- commands -------------------------------------------------------------------------

  /** The pending lead-in, if it may explain a command in block `b`. */
  leadFor(b: Block): Lead | null {
    const lead = this.lead;
    this.lead = null;
    if (!lead) return null;
    // a bullet does not explain its sibling bullet: they are parallel steps
    if (lead.list && b.list && lead.list.list === b.list.list && lead.list.item !== b.list.item && !b.items.includes(lead.list.item)) return null;
    // a detail nested under one bullet does not explain the next bullet further out
    if (lead.list && b.list && lead.depth > b.items.length) return null;
    return lead;
  }

  emit(b: Block, items: readonly { command: string; line: number; why: string[]; own: boolean; group?: string; flag?: string; segment?: number; legend?: FlagDef[] | undefined }[]): void {
    const lead = this.leadFor(b);
    // Commands without a comment of their own take the lead-in. A single commented command adds a
    // lead-in that clearly introduces it (a bullet, a line ending in ":") as detail after its comment.
    const strong = !!lead && (lead.colon || !!lead.list);
    const single = items.length === 1;
    let used = false;
    const made: Entry[] = [];
    let unexplained = false;
    for (const it of items) {
      this.commands.push(it.command);
      if (it.legend) {
        const owner = commandName(it.command);
        const group = this.r._nextGroup();
        for (const def of it.legend) {
          this.drafts.push({ def: { ...def, command: owner }, line: it.line, group, tags: this.r._tags(this.sec, [it.group]), example: it.command, sectionCommands: this.commands });
        }
      }
      const led = lead && (it.segment ?? 0) === 0 ? lead.lines : [];
      if (it.flag) {
        const [first = '', ...more] = it.why;
        const own = [first.replace(/^-{1,2}[A-Za-z][\w-]*\s*[:：]?\s*/, ''), ...more].filter(Boolean);
        const extra = single ? led : [];
        used ||= extra.length > 0;
        const def: FlagDef = { flag: it.flag, aliases: [], desc: [...extra, ...own].join('\n') };
        this.drafts.push({ def, line: it.line, group: this.r._nextGroup(), tags: this.r._tags(this.sec, [it.group]), example: it.command, sectionCommands: this.commands });
        continue;
      }
      let why = it.why;
      if (!why.length && led.length) {
        why = led;
        used = true;
      }
      const inherited = !why.length && !led.length ? this.exampleOf(it.command) : [];
      if (inherited.length) why = inherited; else if (why.length && single && strong && led.length) {
        why = [...why, ...led];
        used = true;
      }
      const e = this.r._command(this.sec, it.command, why, it.line, it.group);
      if (inherited.length) e.weak = true; // a meaning of its own, said later, replaces it
      this.own.push(e);
      made.push(e);
      if (!why.length) unexplained = true;
    }
    if (used && lead) for (const p of lead.prose) p.used = true;
    this.last = made;
    const named = made.length && b.list ? commandName(made[made.length - 1]!.command ?? '') : '';
    this.lastCmd = named.includes(' ') ? { item: b.list!.item, name: named } : this.lastCmd;
    this.lastExplained = !unexplained;
    this.afterCommand = made.length > 0;
  }

  /** Pasted `--help` output in these lines: its options become flag drafts; the lines it used are returned. */
  helpOutput(text: string, firstLine: number, b: Block): Set<number> | null {
    // help output has a Usage line or options padded with two spaces: most blocks have neither
    const usage = text.includes('Usage:');
    if (!usage && !(text.includes('  ') && text.includes('-'))) return null;
    const lines = text.split('\n');
    if (usage) for (const l of lines) {
      const u = usageOwner(l);
      if (u) {
        this.usage = u;
        break;
      }
    }
    const help = readHelpOutput(lines);
    if (!help) return null;
    const owner = help.owner ?? this.usage;
    for (const f of help.flags) this.flag({ flag: f.flag, aliases: f.aliases, desc: f.desc, ...(owner ? { command: owner } : {}) }, firstLine + f.at, b);
    return help.used;
  }

  /** "docker rm — removes containers." then "docker rm web": an unexplained example takes the definition's meaning. */
  exampleOf(command: string): string[] {
    const name = commandName(command);
    const def = this.last.find((e) => e.key === name && e.key !== command && !e.weak);
    const text = def && Object.values(def.text)[0];
    return text?.title ? [text.title] : [];
  }


  // ---- paragraphs -----------------------------------------------------------------------



  explainLast(lines: string[]): void {
    for (const e of this.last) {
      if (Object.keys(e.text).length && !e.weak) continue;
      e.text = textsFrom(lines, this.r._lang(this.sec.title));
      e.weak = false;
    }
    this.lastExplained = true;
  }

  /**
   * Remember text that may introduce the next command. Short labels chain with what follows
   * ("设置 DNS" then "指定容器使用的 DNS 服务器…" then the command): label as title, the rest as detail.
   */
  setLead(b: Block, lines: string[], prose?: Prose): void {
    if (lines.length === 1 && isGenericLead(lines[0]!)) return void (this.lead = null); // "Example:" means nothing
    const prev = this.lead;
    const cleaned = lines.map((l) => (l === lines[0] ? stripMarkers(l) : l)).filter(Boolean);
    if (!cleaned.length) return;
    // a label that stands alone (a one-item list, a short line) takes the paragraph after it as detail;
    // items of a longer list are parallel, and a paragraph ending in ":" is a lead-in of its own
    const label = (l: Lead) => l.lines.length <= 2 && (l.lines[0] ?? '').length <= 24 && !/[。.!?！？]$/.test(l.lines[0] ?? '') && (!l.list || l.list.size === 1);
    if (prev && label(prev) && !b.list && !endsWithColon(cleaned[cleaned.length - 1]!)) {
      prev.lines.push(...cleaned);
      if (prose) prev.prose.push(prose);
      prev.list = undefined;
      return;
    }
    this.lead = {
      lines: shapeLead(cleaned),
      line: b.line,
      colon: endsWithColon(cleaned[cleaned.length - 1] ?? ''),
      prose: prose ? [prose] : [],
      depth: b.items.length,
      ...(b.list ? { list: b.list } : {}),
    };
  }




  flag(def: FlagDef, line: number, b: Block, example?: string): void {
    const listKey = b.list ? b.list.list : -1;
    if (!this.flagGroup || (listKey >= 0 ? listKey !== this.lastFlagList : this.afterCommand)) {
      // a new run of flags: the command its lead-in or the headings above name
      this.flagGroup = this.r._nextGroup();
      const lead = this.lead;
      // flags listed under a command's own bullet belong to that command
      const parent = this.lastCmd && b.items.includes(this.lastCmd.item) ? this.lastCmd.name : undefined;
      this.flagMention = parent ?? (lead ? mentionedCommand(lead.lines.join(' ')) : undefined);
      if (lead && this.flagMention) for (const p of lead.prose) p.used = true;
      this.flagMention ??= [...this.sec.path].reverse().map(mentionedCommand).find(Boolean);
    }
    this.lastFlagList = listKey;
    this.lead = null;
    this.afterCommand = false;
    const mention = this.flagMention;
    this.drafts.push({ def, line, group: this.flagGroup, tags: this.r._tags(this.sec), ...(mention ? { mention } : {}), ...(example ? { example } : {}), sectionCommands: this.commands });
  }


  // ---- tables ---------------------------------------------------------------------------


  // ---- comparisons and concepts ----------------------------------------------------------





}
