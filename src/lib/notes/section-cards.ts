/**
 * Stage 4 for a section: the cards it makes besides its commands — comparisons, concepts, and
 * what its heading says (a question, a term with its gloss, a command the section explains) —
 * and the heading as the last-resort title of commands nobody explained.
 */
import type { CardText } from './card.ts';
import { conceptTexts, sidesFrom } from './compare-sides.ts';
import type { Entry } from './entry.ts';
import { openingSense, STEP } from './freeform-leads.ts';
import { detectLang } from './lang.ts';
import { LIMITS } from './limits.ts';
import { compareDef, flagDef, glossHeading, isActionHeading, isGenericHeading, questionDef, unticked, type CompareDef } from './patterns.ts';
import { comparePair } from './rules/compare-pair.ts';
import { headingTitleFor, isNumberedLabel } from './rules/generic-heading.ts';
import type { SectionRun } from './section-run.ts';
import { readCommand, tokenize } from './shell.ts';
import { clip, isJsSpace, textsFrom, tidy } from './text.ts';

export function startCompare(run: SectionRun, def: CompareDef, line: number): void {
  flushCompare(run);
  run.compare = { def, line, lines: def.rest ? [def.rest] : [], tags: run.r._tags(run.sec) };
}

export function flushCompare(run: SectionRun): void {
  const c = run.compare;
  if (!c) return;
  run.compare = null;
  compareEntry(run, c.def, c.lines, c.line);
}

export function compareEntry(run: SectionRun, def: CompareDef, lines: string[], line: number, tableSides?: string[][]): void {
  const body = lines.join('\n');
  const lang = run.r._lang(`${def.phrase} ${body} ${(tableSides ?? []).flat().join(' ')}`);
  const text: Record<string, CardText> = { [lang]: { title: clip(def.phrase, LIMITS.maxTitle), body: clip(tidy(body), LIMITS.maxBody) } };
  const sides = tableSides ? tableSides.map((s) => clip(s.join('；'), LIMITS.maxSide)) : sidesFrom(body, def.items);
  const e: Entry = { kind: 'compare', key: def.items.join(' | '), items: def.items, text, tags: run.r._tags(run.sec), line };
  if (sides.some(Boolean)) e.sides = { [lang]: sides };
  run.r.entries.push(e);
}

/** A concept card. With no explicit title, each language's title is the first sentence that names the term. */
export function concept(run: SectionRun, term: string, meaning: readonly string[], line: number, title?: string): void {
  const key = clip(unticked(term).replace(/\s+/g, ' ').trim(), LIMITS.maxKey);
  if (!key || isNumberedLabel(key)) return; // "Part 3", "Note 2", "Line 1" are labels, not terms
  let text: Record<string, CardText>;
  if (title) {
    const body = tidy(meaning.join('\n'));
    text = { [run.r._lang(`${title} ${body}`, run.r._lang(key))]: { title: clip(title, LIMITS.maxTitle), body: clip(body, LIMITS.maxBody) } };
  } else {
    text = conceptTexts(meaning, run.r._lang(key));
  }
  if (!Object.keys(text).length) return;
  run.r.entries.push({ kind: 'concept', key, text, tags: run.r._tags(run.sec), line });
}

/** The end of a section: a pending comparison, what the heading names, and titles for unexplained commands. */
export function finishSection(run: SectionRun): void {
  flushCompare(run);
  const sec = run.sec;
  // the opening paragraph describes the section's subject even when it also led into a command
  const prose = run.prose
    .map((p) => (!p.used ? p.text : p.first ? openingSense(p.text) : ''))
    .filter((t) => t && !STEP.test(t.replace(/^- /, '')));
  const proseText = prose.join('\n');
  const h = sec.title;
  const line = sec.heading?.line ?? run.sec.blocks[0]?.line ?? 1;
  if (sec.heading && h) {
    const cmp = compareDef(h) ?? comparePair(h);
    const q = cmp ? null : questionDef(h);
    const gloss = cmp || q ? null : glossHeading(h);
    const asCmd = readCommand(unticked(h), 'code');
    if (cmp) {
      compareEntry(run, cmp, prose, line);
    } else if (q) {
      if (proseText) concept(run, q.key, prose, line, h);
    } else if (asCmd && asCmd.command.length >= unticked(h).trim().length - 1 && (tokenize(asCmd.command).length > 1 || /^`/.test(sec.heading.text.trim()))) {
      // a heading that is a command: the section explains it; commands under it are its examples
      const main = run.own.find((e) => e.command === asCmd.command) ?? null;
      const examples = run.commands.filter((c) => c.startsWith(asCmd.command) && c !== asCmd.command);
      if (main) {
        if (!Object.keys(main.text).length && proseText) main.text = textsFrom([proseText], run.r._lang(proseText));
      } else {
        const e = run.r._command(sec, asCmd.command, proseText ? [proseText] : [], line);
        if (examples.length) e.examples = examples.slice(0, LIMITS.maxExamples);
      }
    } else if (gloss) {
      const fd = flagDef(`${gloss.term}: ${gloss.gloss}`);
      const gc = readCommand(gloss.term, 'code');
      if (fd && /^-/.test(gloss.term)) run.flag(fd, line, sec.heading);
      else if (gc) run.r._command(sec, gc.command, [gloss.gloss, ...prose], line);
      else concept(run, gloss.term, prose.length ? prose : [gloss.gloss], line, gloss.gloss);
    } else if (sec.isTitle && !proseText.toLowerCase().includes(h.toLowerCase())) {
      // the note's own title over an introduction: nothing to learn
    } else if (visibleChars(proseText, 12) && !isGenericHeading(h) && !isActionHeading(h) && h.length <= (/[\u4e00-\u9fff]/.test(h) ? 20 : 40)) {
      concept(run, h, prose, line);
    }
  }
  // commands nobody explained: the heading is the best title there is
  for (const e of run.own) {
    if (Object.keys(e.text).length) continue;
    const title = (h && e.command ? headingTitleFor(h, e.command) : h) || e.key; // a generic heading titles no command
    // a one-word heading ("HTTP-registry") is a name, in no language: the note's language it is
    const named = detectLang(title);
    const lang = named && !(named === 'en' && !/\s/.test(title.trim())) ? named : run.r._lang('');
    e.text = { [lang]: { title: clip(title, LIMITS.maxTitle), body: '' } };
    e.weak = true;
  }
  for (const d of run.drafts) run.r._draft(d);
}

/** Whether `s` has at least `min` characters that are not blanks (without building the stripped string). */
function visibleChars(s: string, min: number): boolean {
  let n = 0;
  for (let i = 0; i < s.length && n < min; i++) if (!isJsSpace(s.charCodeAt(i))) n++;
  return n >= min;
}
