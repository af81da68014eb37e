/**
 * A paragraph (or list item) of a section: which of its lines are commands, flags or prose
 * (line-kinds.ts), and what the prose does — lead into the next command, explain the last one,
 * define a term, announce a comparison, or stay as the section's prose.
 */
import type { Block } from './blocks.ts';
import { isShellLang } from './codeblock.ts';
import { isLeadIn, type Prose } from './freeform-leads.ts';
import { flattenedPieces, NOTE_MARK, spanLines } from './freeform-paragraphs.ts';
import { classifyLine } from './line-kinds.ts';
import { colonDef, compareDef, mentionedCommand, strongDef, termThenHan, unticked } from './patterns.ts';
import { comparePair } from './rules/compare-pair.ts';
import { flagLine } from './rules/flag-forms.ts';
import { isPlaceLabel, meaningFirst, meaningLabel } from './rules/labels.ts';
import { proseFlags } from './rules/prose-flags.ts';
import { looksLikeOutput } from './rules/output-text.ts';
import { alternativeCommands } from './rules/alternatives.ts';
import { compareEntry, concept, startCompare } from './section-cards.ts';
import type { SectionRun } from './section-run.ts';
import { commandName, countCommandStarts, readCommand, splitGlued, tokenize, usesFlag, type Mode } from './shell.ts';
import { endsWithColon, tidy, unwrap } from './text.ts';

/** A paragraph or list item: each of its lines classified once (line-kinds.ts), then read in order. */
export function readParagraph(run: SectionRun, b: Block, next: Block | undefined): void {
  const text = b.text;
  if (run.helpOutput(text, b.line, b)) return;
  const onlyStrong = text.length <= 80 && !text.includes('\n') && b.spans.filter((s) => s.value.trim()).every((s) => s.kind === 'strong');
  if (onlyStrong) {
    const cmp = compareDef(text) ?? comparePair(text);
    if (cmp) {
      startCompare(run, cmp, b.line);
      return;
    }
    run.setLead(b, [text.replace(/\*\*/g, '')]);
    return;
  }
  if (b.list) {
    // a command bullet's labelled children: "功能：…" explains it, "出现章节：…" is a cross-reference
    if (isPlaceLabel(text)) return;
    const meaning = run.afterCommand && run.last.length ? meaningLabel(text) : null;
    if (meaning) {
      run.explainLast([meaning]);
      run.afterCommand = false;
      return;
    }
  }
  if (run.compare && !run.afterCommand && b.list === undefined && !readCommand(unticked(text.split('\n')[0]!), 'prose')) {
    run.compare.lines.push(unwrap(text));
    return;
  }

  // a page flattened onto one line
  if (!text.includes('\n') && text.length >= 80 && countCommandStarts(unticked(text.slice(0, 2000))) >= 3) {
    readFlattened(run, b);
    return;
  }

  const first = !text.includes('\n') ? meaningFirst(text) : null;
  const firstCmd = first ? readCommand(first.code, 'code') : null;
  if (first && firstCmd) {
    run.lead = null;
    run.emit(b, [{ command: firstCmd.command, line: b.line, why: [first.meaning], own: true }]);
    return;
  }

  const defKind = b.list ? run.defLists.get(b.list.list) : undefined;
  if (b.list?.first && defKind) {
    const d = defKind === 1 ? colonDef(text) : termThenHan(text);
    if (d && !flagLine(text)) {
      run.lead = null;
      concept(run, d.term, [d.meaning], b.line);
      return;
    }
  }
  // strongDef needs a line that opens with strong text
  const defs = b.spans.some((s) => s.kind === 'strong') ? spanLines(b.spans).map((line) => strongDef(line)) : [];
  if (defs[0]) {
    run.lead = null;
    defs.forEach((d, k) => d && concept(run, d.term, [d.meaning], b.line + k));
    return;
  }

  const mode: Mode = b.quote > 0 ? 'code' : 'prose';
  const lines = text.split('\n');
  const kinds = lines.map((l, k) => classifyLine(l, mode, b.line + k));
  if (!kinds.some((k) => k.cmd || k.flag)) {
    readProse(run, b, next);
    return;
  }

  // mixed paragraph: prose lines lead into the commands and flags after them
  let local: string[] = [];
  let localLine = b.line;
  for (const k of kinds) {
    if (k.flag && !k.cmd) {
      run.flag(k.flag, k.line, b);
      local = [];
    } else if (k.cmd) {
      if (local.length) run.setLead({ ...b, line: localLine }, local);
      local = [];
      const own = k.desc ? [k.desc] : [];
      run.emit(b, splitGlued(k.cmd, mode).map((c) => ({ command: c, line: k.line, why: own, own: own.length > 0 })));
      if (k.flag) run.flag(k.flag, k.line, b);
      for (const f of k.flags ?? []) run.flag({ ...f, command: commandName(k.cmd) }, k.line, b);
    } else if (k.prose) {
      if (run.afterCommand && !run.lastExplained && !endsWithColon(k.prose)) {
        run.explainLast([k.prose]);
      } else {
        if (!local.length) localLine = k.line;
        local.push(k.prose);
      }
    }
  }
  if (local.length) run.setLead({ ...b, line: localLine }, local);
}

function readProse(run: SectionRun, b: Block, next: Block | undefined): void {
  const text = unwrap(b.text);
  if (looksLikeOutput(text)) return void (run.lead = null); // pasted program output is no meaning
  // "`A` 或者 `B`": commands offered as alternatives; their heading says what both do
  const alts = alternativeCommands(b.spans)?.map((c) => readCommand(c, 'code'));
  if (alts?.every((c) => c)) {
    run.emit(b, alts.map((c) => ({ command: c!.command, line: b.line, why: [], own: false })));
    run.lastExplained = true;
    return;
  }
  proseFlagDrafts(run, text, b.line);
  const cmp = compareDef(text);
  if (cmp) {
    run.lead = null;
    compareEntry(run, cmp, cmp.rest ? [cmp.rest] : [], b.line);
    run.afterCommand = false;
    return;
  }
  const leadsIntoCode = next?.type === 'code' && isShellLang(next.lang);
  const hadInline = inlineCommands(run, b, leadsIntoCode);
  const short = text.length <= 160;
  if (run.afterCommand && !run.lastExplained && short && !endsWithColon(text)) {
    run.explainLast([text]);
    run.afterCommand = false;
    return;
  }
  const nextIsCommand = () => !!next && (leadsIntoCode || (next.type === 'para' && !!readCommand(unticked(next.text.split('\n')[0]!), next.quote > 0 ? 'code' : 'prose')));
  if (run.afterCommand && run.lastExplained && short && NOTE_MARK.test(text.trim()) && !nextIsCommand()) {
    for (const e of run.last) {
      for (const t of Object.values(e.text)) t.body = tidy([t.body, text].filter(Boolean).join('\n'));
    }
    run.afterCommand = false;
    return;
  }
  run.afterCommand = false;
  if (!isLeadIn(text)) {
    const opening0 = !b.list && !run.prose.length && !run.own.length;
    run.prose.push({ text: b.list?.first ? `- ${text}` : text, line: b.line, used: hadInline, first: opening0 });
    run.lead = null;
    return;
  }
  const opening = !b.list && !run.prose.length && !run.own.length && (text.length >= 20 || /[。.!?！？]/.test(text));
  const prose: Prose = { text: b.list?.first ? `- ${text}` : text, line: b.line, used: hadInline, first: opening };
  run.prose.push(prose);
  run.setLead(b, [text], prose);
}

/** Flags explained in a sentence. */
function proseFlagDrafts(run: SectionRun, text: string, line: number): void {
  const defs = proseFlags(text);
  if (!defs.length) return;
  const group = run.r._nextGroup();
  const last = run.commands[run.commands.length - 1];
  for (const { at, ...def } of defs) {
    // the command named before the flag in the text, or the command just shown using it; else ambiguous: skipped
    const owner = mentionedCommand(text.slice(0, at)) ?? (last && usesFlag(last, def.flag) ? commandName(last) : undefined);
    if (!owner) continue;
    run.drafts.push({ def: { ...def, command: owner }, line, group, tags: run.r._tags(run.sec), sectionCommands: run.commands });
  }
}

/** `docker rm -v` named inside a sentence: a card explained by that sentence (short mentions are just mentions). */
function inlineCommands(run: SectionRun, b: Block, leadsIntoCode: boolean): boolean {
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
    run.commands.push(c.command);
    run.r._command(run.sec, c.command, [unwrap(sentence)], b.line);
    found = true;
  }
  return found;
}

/**
 * A flattened page: "1. 查看本机镜像 docker images 2. 删除悬空镜像 docker image prune -f …".
 * The words before a command explain it; commands glued together share them; words after the
 * last command explain it when nothing else does.
 */
function readFlattened(run: SectionRun, b: Block): void {
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
    run.commands.push(p.cmd);
    run.own.push(run.r._command(run.sec, p.cmd, why, b.line));
  });
  run.lead = null;
  run.afterCommand = false;
}
