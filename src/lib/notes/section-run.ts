/** One section of a free-form note, read top to bottom (see freeform.ts). */
import type { Block } from './blocks.ts';
import type { CardText } from './card.ts';
import { isShellLang, readShellBlock, type ShellItem } from './codeblock.ts';
import { conceptTexts, sidesFrom } from './compare-sides.ts';
import type { Entry } from './entry.ts';
import type { FreeformReader } from './freeform.ts';
import { isLeadIn, openingSense, shapeLead, STEP, type Lead, type Prose } from './freeform-leads.ts';
import { flattenedPieces, isJunk, NOTE_MARK, spanLines } from './freeform-paragraphs.ts';
import { detectLang } from './lang.ts';
import { LIMITS } from './limits.ts';
import type { FlagDraft } from './note-flags.ts';
import type { Section } from './outline.ts';
import {
  colonDef,
  compareDef,
  flagDef,
  glossHeading,
  isActionHeading,
  isGenericHeading,
  mentionedCommand,
  questionDef,
  strongDef,
  termThenHan,
  unticked,
  type CompareDef,
  type FlagDef,
} from './patterns.ts';
import { comparePair } from './rules/compare-pair.ts';
import { cutEnglishTail, inlinePrompt } from './rules/english-tail.ts';
import { flagLine } from './rules/flag-forms.ts';
import { readHelpOutput, usageOwner } from './rules/help-output.ts';
import { isPlaceLabel, meaningFirst, meaningLabel } from './rules/labels.ts';
import { cutColonLegend } from './rules/legend.ts';
import { proseFlags } from './rules/prose-flags.ts';
import { commandName, countCommandStarts, readCommand, splitGlued, tokenize, usesFlag, type Mode } from './shell.ts';
import { clip, endsWithColon, stripMarkers, textsFrom, tidy, unwrap } from './text.ts';
import { headingTitleFor, isGenericLead, isNumberedLabel } from './rules/generic-heading.ts'; // idx-formats hook
import { cutGluedMeaning } from './rules/glued-meaning.ts'; // idx-formats hook
import { looksLikeOutput } from './rules/output-text.ts'; // idx-formats hook
import { alternativeCommands } from './rules/alternatives.ts'; // idx-formats hook
export interface CompareDraft {
  def: CompareDef;
  line: number;
  lines: string[];
  tags: string[];
}

/** One section, read top to bottom. */
export class SectionRun {
  #r: FreeformReader;
  #sec: Section;
  #lead: Lead | null = null;
  #last: Entry[] = [];
  #lastExplained = true;
  #afterCommand = false;
  #prose: Prose[] = [];
  #compare: CompareDraft | null = null;
  #commands: string[] = [];
  #flagGroup = '';
  #flagMention: string | undefined;
  #lastFlagList = -1;
  #drafts: FlagDraft[] = [];
  #own: Entry[] = [];
  #defLists = new Map<number, number>();
  /** The list item of the last bulleted command, and that command's name. */
  #lastCmd: { item: number; name: string } | undefined;
  /** The command the last `Usage:` line named: pasted help output below it is its flags. */
  #usage: string | undefined;

  constructor(r: FreeformReader, sec: Section) {
    this.#r = r;
    this.#sec = sec;
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
      if (c.all >= 2 && c.defs >= Math.max(2, c.all * 0.6)) this.#defLists.set(list, 1);
      else if (c.all >= 3 && c.terms >= c.all * 0.7) this.#defLists.set(list, 2);
    }
  }

  /** Junk answers by block index: a paragraph is asked about once more when the one before looks ahead. */
  #junk: (boolean | undefined)[] = [];

  #isJunkAt(i: number): boolean {
    return (this.#junk[i] ??= isJunk(this.#sec.blocks[i]!));
  }

  /** The first of the next three blocks that is not a junk paragraph (an image, a link list). */
  #nextMeaningful(i: number): Block | undefined {
    const blocks = this.#sec.blocks;
    for (let k = i + 1; k < blocks.length && k < i + 4; k++) {
      const x = blocks[k]!;
      if (x.type !== 'para' || !this.#isJunkAt(k)) return x;
    }
    return undefined;
  }

  run(): void {
    const blocks = this.#sec.blocks;
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (b.type === 'code') this.#code(b);
      else if (b.type === 'para') {
        if (!this.#isJunkAt(i)) this.#para(b, this.#nextMeaningful(i));
      }
      else if (b.type === 'table') this.#table(b);
      else {
        this.#lead = null;
        this.#afterCommand = false;
      }
    }
    this.#finish();
  }

  // ---- commands -------------------------------------------------------------------------

  /** The pending lead-in, if it may explain a command in block `b`. */
  #leadFor(b: Block): Lead | null {
    const lead = this.#lead;
    this.#lead = null;
    if (!lead) return null;
    // a bullet does not explain its sibling bullet: they are parallel steps
    if (lead.list && b.list && lead.list.list === b.list.list && lead.list.item !== b.list.item && !b.items.includes(lead.list.item)) return null;
    // a detail nested under one bullet does not explain the next bullet further out
    if (lead.list && b.list && lead.depth > b.items.length) return null;
    return lead;
  }

  #emit(b: Block, items: readonly { command: string; line: number; why: string[]; own: boolean; group?: string; flag?: string; segment?: number; legend?: FlagDef[] | undefined }[]): void {
    const lead = this.#leadFor(b);
    // Commands without a comment of their own take the lead-in. A single commented command adds a
    // lead-in that clearly introduces it (a bullet, a line ending in ":") as detail after its comment.
    const strong = !!lead && (lead.colon || !!lead.list);
    const single = items.length === 1;
    let used = false;
    const made: Entry[] = [];
    let unexplained = false;
    for (const it of items) {
      this.#commands.push(it.command);
      if (it.legend) {
        const owner = commandName(it.command);
        const group = this.#r._nextGroup();
        for (const def of it.legend) {
          this.#drafts.push({ def: { ...def, command: owner }, line: it.line, group, tags: this.#r._tags(this.#sec, [it.group]), example: it.command, sectionCommands: this.#commands });
        }
      }
      const led = lead && (it.segment ?? 0) === 0 ? lead.lines : [];
      if (it.flag) {
        const [first = '', ...more] = it.why;
        const own = [first.replace(/^-{1,2}[A-Za-z][\w-]*\s*[:：]?\s*/, ''), ...more].filter(Boolean);
        const extra = single ? led : [];
        used ||= extra.length > 0;
        const def: FlagDef = { flag: it.flag, aliases: [], desc: [...extra, ...own].join('\n') };
        this.#drafts.push({ def, line: it.line, group: this.#r._nextGroup(), tags: this.#r._tags(this.#sec, [it.group]), example: it.command, sectionCommands: this.#commands });
        continue;
      }
      let why = it.why;
      if (!why.length && led.length) {
        why = led;
        used = true;
      }
      const inherited = !why.length && !led.length ? this.#exampleOf(it.command) : [];
      if (inherited.length) why = inherited; else if (why.length && single && strong && led.length) {
        why = [...why, ...led];
        used = true;
      }
      const e = this.#r._command(this.#sec, it.command, why, it.line, it.group);
      if (inherited.length) e.weak = true; // a meaning of its own, said later, replaces it
      this.#own.push(e);
      made.push(e);
      if (!why.length) unexplained = true;
    }
    if (used && lead) for (const p of lead.prose) p.used = true;
    this.#last = made;
    const named = made.length && b.list ? commandName(made[made.length - 1]!.command ?? '') : '';
    this.#lastCmd = named.includes(' ') ? { item: b.list!.item, name: named } : this.#lastCmd;
    this.#lastExplained = !unexplained;
    this.#afterCommand = made.length > 0;
  }

  /** Pasted `--help` output in these lines: its options become flag drafts; the lines it used are returned. */
  #helpOutput(text: string, firstLine: number, b: Block): Set<number> | null {
    // help output has a Usage line or options padded with two spaces: most blocks have neither
    const usage = text.includes('Usage:');
    if (!usage && !(text.includes('  ') && text.includes('-'))) return null;
    const lines = text.split('\n');
    if (usage) for (const l of lines) {
      const u = usageOwner(l);
      if (u) {
        this.#usage = u;
        break;
      }
    }
    const help = readHelpOutput(lines);
    if (!help) return null;
    const owner = help.owner ?? this.#usage;
    for (const f of help.flags) this.#flag({ flag: f.flag, aliases: f.aliases, desc: f.desc, ...(owner ? { command: owner } : {}) }, firstLine + f.at, b);
    return help.used;
  }

  /** "docker rm — removes containers." then "docker rm web": an unexplained example takes the definition's meaning. */
  #exampleOf(command: string): string[] {
    const name = commandName(command);
    const def = this.#last.find((e) => e.key === name && e.key !== command && !e.weak);
    const text = def && Object.values(def.text)[0];
    return text?.title ? [text.title] : [];
  }

  #code(b: Block): void {
    const valueLine = b.valueLine ?? b.line + 1;
    let code = b.value ?? '';
    const raw = code.split('\n');
    const used = this.#helpOutput(code, valueLine, b) ?? new Set<number>();
    // flag lines among the commands ("-P   # 随机端口", "-q, --quiet ：只显示ID"): flags of the command named nearest
    if (/(?:^|\n)\s*[-－]/.test(code)) raw.forEach((l, k) => {
      const f = !used.has(k) && /^\s*[-－]/.test(l) && !(k > 0 && /\\\s*$/.test(raw[k - 1]!)) ? flagLine(l) : null;
      if (!f) return;
      this.#flag(f.command || !this.#usage ? f : { ...f, command: this.#usage }, valueLine + k, b);
      used.add(k);
    });
    if (used.size) code = raw.map((l, k) => (used.has(k) ? '' : l)).join('\n');
    if (!isShellLang(b.lang)) {
      this.#lead = null;
      this.#afterCommand = false;
      return;
    }
    const items = readShellBlock(code, valueLine);
    if (!items.length) {
      this.#lead = null;
      this.#afterCommand = false;
      return;
    }
    this.#emit(
      b,
      items.map((it: ShellItem) => ({ command: it.command, line: it.line, why: it.explain, own: it.explain.length > 0, group: it.group, flag: it.flag, segment: it.segment, legend: it.legend })),
    );
  }

  // ---- paragraphs -----------------------------------------------------------------------

  #para(b: Block, next: Block | undefined): void {
    const text = b.text;
    if (this.#helpOutput(text, b.line, b)) return;
    const onlyStrong = b.spans.filter((s) => s.value.trim()).every((s) => s.kind === 'strong') && text.length <= 80 && !text.includes('\n');
    if (onlyStrong) {
      const cmp = compareDef(text) ?? comparePair(text);
      if (cmp) {
        this.#startCompare(cmp, b.line);
        return;
      }
      this.#setLead(b, [text.replace(/\*\*/g, '')]);
      return;
    }
    if (b.list) {
      // a command bullet's labelled children: "功能：…" explains it, "出现章节：…" is a cross-reference
      if (isPlaceLabel(text)) return;
      const meaning = this.#afterCommand && this.#last.length ? meaningLabel(text) : null;
      if (meaning) {
        this.#explainLast([meaning]);
        this.#afterCommand = false;
        return;
      }
    }
    if (this.#compare && !this.#afterCommand && b.list === undefined && !readCommand(unticked(text.split('\n')[0]!), 'prose')) {
      this.#compare.lines.push(unwrap(text));
      return;
    }

    // a page flattened onto one line
    if (!text.includes('\n') && text.length >= 80 && countCommandStarts(unticked(text.slice(0, 2000))) >= 3) {
      this.#flattened(b);
      return;
    }

    const first = !text.includes('\n') ? meaningFirst(text) : null;
    const firstCmd = first ? readCommand(first.code, 'code') : null;
    if (first && firstCmd) {
      this.#lead = null;
      this.#emit(b, [{ command: firstCmd.command, line: b.line, why: [first.meaning], own: true }]);
      return;
    }

    const defKind = b.list ? this.#defLists.get(b.list.list) : undefined;
    if (b.list?.first && defKind) {
      const d = defKind === 1 ? colonDef(text) : termThenHan(text);
      if (d && !flagLine(text)) {
        this.#lead = null;
        this.#concept(d.term, [d.meaning], b.line);
        return;
      }
    }
    const defs = spanLines(b.spans).map((line) => strongDef(line));
    if (defs[0]) {
      this.#lead = null;
      defs.forEach((d, k) => d && this.#concept(d.term, [d.meaning], b.line + k));
      return;
    }

    const mode: Mode = b.quote > 0 ? 'code' : 'prose';
    const lines = text.split('\n');
    const kinds = lines.map((l, k) => this.#classifyLine(l, mode, b.line + k));
    if (!kinds.some((k) => k.cmd || k.flag)) {
      this.#prosePara(b, next);
      return;
    }

    // mixed paragraph: prose lines lead into the commands and flags after them
    let local: string[] = [];
    let localLine = b.line;
    for (const k of kinds) {
      if (k.flag && !k.cmd) {
        this.#flag(k.flag, k.line, b);
        local = [];
      } else if (k.cmd) {
        if (local.length) this.#setLead({ ...b, line: localLine }, local);
        local = [];
        const own = k.desc ? [k.desc] : [];
        this.#emit(b, splitGlued(k.cmd, mode).map((c) => ({ command: c, line: k.line, why: own, own: own.length > 0 })));
        if (k.flag) this.#flag(k.flag, k.line, b);
        for (const f of k.flags ?? []) this.#flag({ ...f, command: commandName(k.cmd) }, k.line, b);
      } else if (k.prose) {
        if (this.#afterCommand && !this.#lastExplained && !endsWithColon(k.prose)) {
          this.#explainLast([k.prose]);
        } else {
          if (!local.length) localLine = k.line;
          local.push(k.prose);
        }
      }
    }
    if (local.length) this.#setLead({ ...b, line: localLine }, local);
  }

  #classifyLine(line: string, mode: Mode, lineNo: number): { line: number; cmd?: string; desc?: string; flag?: FlagDef; flags?: FlagDef[]; prose?: string } {
    const t = line.trim();
    if (!t) return { line: lineNo };
    const legend = /[：:]\s*-/.test(t) ? cutColonLegend(unticked(t)) : null;
    const legendCmd = legend ? readCommand(legend.line, 'code') : null;
    if (legend && legendCmd) return { line: lineNo, cmd: legendCmd.command, flags: legend.flags };
    const glued = t.includes('：') || t.includes(' //') || t.includes(' - ') ? cutGluedMeaning(unticked(t)) : null; // idx-formats hook: rules/glued-meaning.ts
    const gluedCmd = glued ? readCommand(glued.command, mode) : null; // idx-formats hook
    if (glued && gluedCmd && !gluedCmd.desc) return { line: lineNo, cmd: gluedCmd.command, desc: glued.meaning }; // idx-formats hook
    const f = flagLine(t);
    if (f?.command) {
      // "docker images -a 列出所有镜像": a runnable line with its meaning, and a flag of that command
      const c = readCommand(unticked(t), mode);
      if (c?.desc) return { line: lineNo, cmd: c.command, desc: c.desc, flag: f };
    }
    if (f) return { line: lineNo, flag: f };
    const inline = mode === 'prose' && (t.includes('#') || t.includes('$')) ? inlinePrompt(t) : null;
    if (inline) return { line: lineNo, cmd: inline.command, ...(inline.meaning ? { desc: inline.meaning } : {}) };
    // a whole line in one code span, or a code span then its explanation
    const code = /^`([^`]+)`\s*(?:[:：\-–—]\s*)?(.*)$/.exec(t);
    if (code) {
      const c = readCommand(code[1]!, 'code');
      const rest = code[2]!.trim();
      // "`docker run` 常用参数：" introduces something; "`docker save` 保存的是镜像，…；`docker export` …" discusses
      const mention = endsWithColon(rest) || (rest.length > 24 && tokenize(c?.command ?? '').length < 3) || rest.includes('`');
      if (c && !mention) return { line: lineNo, cmd: c.command, ...(rest || c.desc || c.comment ? { desc: rest || c.desc || c.comment } : {}) };
      if (c) return { line: lineNo, prose: t };
    }
    const c = readCommand(unticked(t), mode);
    if (c && c.prompt && mode === 'prose' && !c.desc && !c.comment) {
      // "$ docker stop web stops one container,": running text after a prompted command
      const cut = cutEnglishTail(c.command);
      if (cut.tail) return { line: lineNo, cmd: cut.command, desc: cut.tail };
    }
    if (c) return { line: lineNo, cmd: c.command, ...(c.desc || c.comment ? { desc: c.desc ?? c.comment } : {}) };
    return { line: lineNo, prose: t };
  }

  #explainLast(lines: string[]): void {
    for (const e of this.#last) {
      if (Object.keys(e.text).length && !e.weak) continue;
      e.text = textsFrom(lines, this.#r._lang(this.#sec.title));
      e.weak = false;
    }
    this.#lastExplained = true;
  }

  /**
   * Remember text that may introduce the next command. Short labels chain with what follows
   * ("设置 DNS" then "指定容器使用的 DNS 服务器…" then the command): label as title, the rest as detail.
   */
  #setLead(b: Block, lines: string[], prose?: Prose): void {
    if (lines.length === 1 && isGenericLead(lines[0]!)) return void (this.#lead = null); // idx-formats hook: "Example:" means nothing
    const prev = this.#lead;
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
    this.#lead = {
      lines: shapeLead(cleaned),
      line: b.line,
      colon: endsWithColon(cleaned[cleaned.length - 1] ?? ''),
      prose: prose ? [prose] : [],
      depth: b.items.length,
      ...(b.list ? { list: b.list } : {}),
    };
  }

  #prosePara(b: Block, next: Block | undefined): void {
    const text = unwrap(b.text);
    if (looksLikeOutput(text)) return void (this.#lead = null); // idx-formats hook: pasted program output is no meaning
    const alts = alternativeCommands(b.spans)?.map((c) => readCommand(c, 'code')); // idx-formats hook: rules/alternatives.ts
    if (alts?.every((c) => c)) return void (this.#emit(b, alts.map((c) => ({ command: c!.command, line: b.line, why: [], own: false }))), (this.#lastExplained = true)); // idx-formats hook: their heading says it
    this.#proseFlags(text, b.line);
    const cmp = compareDef(text);
    if (cmp) {
      this.#lead = null;
      this.#compareEntry(cmp, cmp.rest ? [cmp.rest] : [], b.line);
      this.#afterCommand = false;
      return;
    }
    const leadsIntoCode = next?.type === 'code' && isShellLang(next.lang);
    const hadInline = this.#inlineCommands(b, leadsIntoCode);
    const short = text.length <= 160;
    if (this.#afterCommand && !this.#lastExplained && short && !endsWithColon(text)) {
      this.#explainLast([text]);
      this.#afterCommand = false;
      return;
    }
    const nextIsCommand = () => !!next && (leadsIntoCode || (next.type === 'para' && !!readCommand(unticked(next.text.split('\n')[0]!), next.quote > 0 ? 'code' : 'prose')));
    if (this.#afterCommand && this.#lastExplained && short && NOTE_MARK.test(text.trim()) && !nextIsCommand()) {
      for (const e of this.#last) {
        for (const t of Object.values(e.text)) t.body = tidy([t.body, text].filter(Boolean).join('\n'));
      }
      this.#afterCommand = false;
      return;
    }
    this.#afterCommand = false;
    if (!isLeadIn(text)) {
      const opening0 = !b.list && !this.#prose.length && !this.#own.length;
      this.#prose.push({ text: b.list?.first ? `- ${text}` : text, line: b.line, used: hadInline, first: opening0 });
      this.#lead = null;
      return;
    }
    const opening = !b.list && !this.#prose.length && !this.#own.length && (text.length >= 20 || /[。.!?！？]/.test(text));
    const prose: Prose = { text: b.list?.first ? `- ${text}` : text, line: b.line, used: hadInline, first: opening };
    this.#prose.push(prose);
    this.#setLead(b, [text], prose);
  }

  /** Flags explained in a sentence. */
  #proseFlags(text: string, line: number): void {
    const defs = proseFlags(text);
    if (!defs.length) return;
    const group = this.#r._nextGroup();
    const last = this.#commands[this.#commands.length - 1];
    for (const { at, ...def } of defs) {
      // the command named before the flag in the text, or the command just shown using it; else ambiguous: skipped
      const owner = mentionedCommand(text.slice(0, at)) ?? (last && usesFlag(last, def.flag) ? commandName(last) : undefined);
      if (!owner) continue;
      this.#drafts.push({ def: { ...def, command: owner }, line, group, tags: this.#r._tags(this.#sec), sectionCommands: this.#commands });
    }
  }

  /** `docker rm -v` named inside a sentence: a card explained by that sentence (short mentions are just mentions). */
  #inlineCommands(b: Block, leadsIntoCode: boolean): boolean {
    let found = false;
    if (!b.spans.some((s) => s.kind === 'code')) return false;
    const sentences = b.text.split(/(?<=[。！？!?\n])/).map((x) => x.trim()).filter(Boolean);
    for (const s of b.spans) {
      if (s.kind !== 'code') continue;
      const c = readCommand(s.value, 'code');
      if (!c || tokenize(c.command).length < 3) continue;
      const at = sentences.findIndex((x) => x.includes(`\`${s.value}\``));
      // the sentence that leads into a code block is about that block, not about this mention
      if (leadsIntoCode && at === sentences.length - 1) continue;
      const sentence = sentences[at] ?? b.text;
      this.#commands.push(c.command);
      this.#r._command(this.#sec, c.command, [unwrap(sentence)], b.line);
      found = true;
    }
    return found;
  }

  #flag(def: FlagDef, line: number, b: Block, example?: string): void {
    const listKey = b.list ? b.list.list : -1;
    if (!this.#flagGroup || (listKey >= 0 ? listKey !== this.#lastFlagList : this.#afterCommand)) {
      // a new run of flags: the command its lead-in or the headings above name
      this.#flagGroup = this.#r._nextGroup();
      const lead = this.#lead;
      // flags listed under a command's own bullet belong to that command
      const parent = this.#lastCmd && b.items.includes(this.#lastCmd.item) ? this.#lastCmd.name : undefined;
      this.#flagMention = parent ?? (lead ? mentionedCommand(lead.lines.join(' ')) : undefined);
      if (lead && this.#flagMention) for (const p of lead.prose) p.used = true;
      this.#flagMention ??= [...this.#sec.path].reverse().map(mentionedCommand).find(Boolean);
    }
    this.#lastFlagList = listKey;
    this.#lead = null;
    this.#afterCommand = false;
    const mention = this.#flagMention;
    this.#drafts.push({ def, line, group: this.#flagGroup, tags: this.#r._tags(this.#sec), ...(mention ? { mention } : {}), ...(example ? { example } : {}), sectionCommands: this.#commands });
  }

  /**
   * A flattened page: "1. 查看本机镜像 docker images 2. 删除悬空镜像 docker image prune -f …".
   * The words before a command explain it; commands glued together share them; words after the
   * last command explain it when nothing else does.
   */
  #flattened(b: Block): void {
    const pieces = flattenedPieces(b.text).map((p) => (p.prose !== undefined ? { prose: p.prose.replace(/^[\s:：,，。;；]+|[\s:：,，;；]+$/g, '') } : p)).filter((p) => p.cmd || p.prose);
    let shared: string[] = [];
    pieces.forEach((p, i) => {
      if (!p.cmd) return;
      const before = pieces[i - 1];
      const after = pieces[i + 1];
      let why: string[] = [];
      if (before?.prose) why = [before.prose];
      else if (before?.cmd) why = shared;
      else if (after?.prose && !pieces[i + 2]?.cmd) why = [after.prose];
      shared = why;
      this.#commands.push(p.cmd);
      this.#own.push(this.#r._command(this.#sec, p.cmd, why, b.line));
    });
    this.#lead = null;
    this.#afterCommand = false;
  }

  // ---- tables ---------------------------------------------------------------------------

  #table(b: Block): void {
    const rows = b.rows ?? [];
    this.#lead = null;
    this.#afterCommand = false;
    const [header, ...body] = rows;
    if (!header || header.length < 2) return;
    const first = (header[0] ?? '').trim();
    if (header.length >= 3 && (!first || /^(?:特性|对比|对比项|比较|区别|项目|feature|aspect|property)$/i.test(first))) {
      const items = header.slice(1).map((h) => unticked(h).trim());
      const def: CompareDef = { items, phrase: items.join(' vs '), rest: '' };
      const sides: string[][] = items.map(() => []);
      for (const row of body) {
        items.forEach((_, i) => {
          const v = row[i + 1]?.trim();
          if (v) sides[i]!.push(row[0] ? `${row[0]}: ${v}` : v);
        });
      }
      this.#compareEntry(def, [], b.line, sides);
      return;
    }
    for (const [k, row] of body.entries()) {
      const line = b.line + 2 + k;
      const cells = row.map((c) => c.trim());
      const [a = '', ...rest] = cells;
      const desc = rest.filter(Boolean).join('；');
      if (!a || !desc) continue;
      // a flag row may show it in use: | `-P` | `docker run -P nginx` | Publish all ports |
      const usage = /^`?-/.test(a) ? rest.findIndex((c) => readCommand(unticked(c), 'code')) : -1;
      const meaning = usage >= 0 ? rest.filter((c, i) => i !== usage && c).join('；') : desc;
      const f = meaning ? flagDef(`${a}: ${meaning}`) : null;
      if (f && /^`?-/.test(a)) {
        this.#flag(f, line, b, usage >= 0 ? readCommand(unticked(rest[usage]!), 'code')!.command : undefined);
        continue;
      }
      const cmd = readCommand(unticked(a), 'code');
      if (cmd) {
        this.#emit(b, [{ command: cmd.command, line, why: [desc], own: true }]);
        continue;
      }
      const cmd2 = rest[0] ? readCommand(unticked(rest[0]), 'code') : null;
      if (cmd2) {
        this.#emit(b, [{ command: cmd2.command, line, why: [a], own: true }]);
        continue;
      }
      if (header.length === 2 && unticked(a).length <= 40) this.#concept(unticked(a), [desc], line);
    }
  }

  // ---- comparisons and concepts ----------------------------------------------------------

  #startCompare(def: CompareDef, line: number): void {
    this.#flushCompare();
    this.#compare = { def, line, lines: def.rest ? [def.rest] : [], tags: this.#r._tags(this.#sec) };
  }

  #flushCompare(): void {
    const c = this.#compare;
    if (!c) return;
    this.#compare = null;
    this.#compareEntry(c.def, c.lines, c.line);
  }

  #compareEntry(def: CompareDef, lines: string[], line: number, tableSides?: string[][]): void {
    const body = lines.join('\n');
    const lang = this.#r._lang(`${def.phrase} ${body} ${(tableSides ?? []).flat().join(' ')}`);
    const text: Record<string, CardText> = { [lang]: { title: clip(def.phrase, LIMITS.maxTitle), body: clip(tidy(body), LIMITS.maxBody) } };
    const sides = tableSides ? tableSides.map((s) => clip(s.join('；'), LIMITS.maxSide)) : sidesFrom(body, def.items);
    const e: Entry = { kind: 'compare', key: def.items.join(' | '), items: def.items, text, tags: this.#r._tags(this.#sec), line };
    if (sides.some(Boolean)) e.sides = { [lang]: sides };
    this.#r.entries.push(e);
  }

  /** A concept card. With no explicit title, each language's title is the first sentence that names the term. */
  #concept(term: string, meaning: readonly string[], line: number, title?: string): void {
    const key = clip(unticked(term).replace(/\s+/g, ' ').trim(), LIMITS.maxKey);
    if (!key) return;
    if (isNumberedLabel(key)) return; // idx-formats hook: "Part 3", "Note 2", "Line 1" are labels, not terms
    let text: Record<string, CardText>;
    if (title) {
      const body = tidy(meaning.join('\n'));
      text = { [this.#r._lang(`${title} ${body}`, this.#r._lang(key))]: { title: clip(title, LIMITS.maxTitle), body: clip(body, LIMITS.maxBody) } };
    } else {
      text = conceptTexts(meaning, this.#r._lang(key));
    }
    if (!Object.keys(text).length) return;
    this.#r.entries.push({ kind: 'concept', key, text, tags: this.#r._tags(this.#sec), line });
  }

  #finish(): void {
    this.#flushCompare();
    const sec = this.#sec;
    // the opening paragraph describes the section's subject even when it also led into a command
    const prose = this.#prose
      .map((p) => (!p.used ? p.text : p.first ? openingSense(p.text) : ''))
      .filter((t) => t && !STEP.test(t.replace(/^- /, '')));
    const proseText = prose.join('\n');
    const h = sec.title;
    const line = sec.heading?.line ?? this.#sec.blocks[0]?.line ?? 1;
    if (sec.heading && h) {
      const cmp = compareDef(h) ?? comparePair(h);
      const q = cmp ? null : questionDef(h);
      const gloss = cmp || q ? null : glossHeading(h);
      const asCmd = readCommand(unticked(h), 'code');
      if (cmp) {
        this.#compareEntry(cmp, prose, line);
      } else if (q) {
        if (proseText) this.#concept(q.key, prose, line, h);
      } else if (asCmd && asCmd.command.length >= unticked(h).trim().length - 1 && (tokenize(asCmd.command).length > 1 || /^`/.test(sec.heading.text.trim()))) {
        // a heading that is a command: the section explains it; commands under it are its examples
        const main = this.#own.find((e) => e.command === asCmd.command) ?? null;
        const examples = this.#commands.filter((c) => c.startsWith(asCmd.command) && c !== asCmd.command);
        if (main) {
          if (!Object.keys(main.text).length && proseText) main.text = textsFrom([proseText], this.#r._lang(proseText));
        } else {
          const e = this.#r._command(sec, asCmd.command, proseText ? [proseText] : [], line);
          if (examples.length) e.examples = examples.slice(0, LIMITS.maxExamples);
        }
      } else if (gloss) {
        const fd = flagDef(`${gloss.term}: ${gloss.gloss}`);
        const gc = readCommand(gloss.term, 'code');
        if (fd && /^-/.test(gloss.term)) this.#flag(fd, line, sec.heading);
        else if (gc) this.#r._command(sec, gc.command, [gloss.gloss, ...prose], line);
        else this.#concept(gloss.term, prose.length ? prose : [gloss.gloss], line, gloss.gloss);
      } else if (sec.isTitle && !proseText.toLowerCase().includes(h.toLowerCase())) {
        // the note's own title over an introduction: nothing to learn
      } else if (proseText.replace(/\s/g, '').length >= 12 && !isGenericHeading(h) && !isActionHeading(h) && h.length <= (/[\u4e00-\u9fff]/.test(h) ? 20 : 40)) {
        this.#concept(h, prose, line);
      }
    }
    // commands nobody explained: the heading is the best title there is
    for (const e of this.#own) {
      if (Object.keys(e.text).length) continue;
      const title = (h && e.command ? headingTitleFor(h, e.command) : h) || e.key; // idx-formats hook: rules/generic-heading.ts
      // a one-word heading ("HTTP-registry") is a name, in no language: the note's language it is
      const named = detectLang(title);
      const lang = named && !(named === 'en' && !/\s/.test(title.trim())) ? named : this.#r._lang('');
      e.text = { [lang]: { title: clip(title, LIMITS.maxTitle), body: '' } };
      e.weak = true;
    }
    for (const d of this.#drafts) this.#r._draft(d);
  }
}
