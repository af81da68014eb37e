/**
 * The note indexer: Markdown note → cards. One code path for the bundled deck (house format,
 * content/README.md) and for users' free-form notes, in Node and in the browser.
 */
import { parseBlocks, type Block } from './blocks.ts';
import { settleCompareItems } from './compare-items.ts';
import { CardSet, type Entry } from './entry.ts';
import { FreeformReader } from './freeform.ts';
import { readFrontMatter, type FrontMatter } from './frontmatter.ts';
import { isHouseSection, LANG_ITEM, readHouseSection } from './house.ts';
import { cardId, deckSlug } from './id.ts';
import { detectLang } from './lang.ts';
import { readTldrPage } from './formats/tldr.ts'; // idx-formats hook
import { LIMITS } from './limits.ts';
import { releaseMemos } from './memo.ts';
import { outline } from './outline.ts';
import { prepare, type Warn } from './prepare.ts';
import type { IndexResult, IndexWarning, NoteMeta } from './types.ts';

export type { IndexResult, IndexWarning, NoteMeta } from './types.ts';
export { cardId, deckSlug };

export interface IndexOptions {
  deck?: string;
}

interface NoteRead {
  entries: Entry[];
  deck: string;
  meta: NoteMeta;
  warnings: Warn[];
}

/** The language most of the note's prose is in (a Han character says about as much as three Latin letters). */
function noteLanguage(blocks: readonly Block[]): string | undefined {
  const chars = new Map<string, number>();
  let seen = 0;
  for (const b of blocks) {
    if (b.type !== 'para' && b.type !== 'heading') continue;
    const lang = detectLang(b.text);
    if (lang) chars.set(lang, (chars.get(lang) ?? 0) + b.text.length * (lang === 'en' ? 1 : 3));
    if ((seen += b.text.length) > 200_000) break;
  }
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function readNote(text: string, file: string, opts: IndexOptions | undefined): NoteRead {
  const fallbackDeck = opts?.deck ?? deckSlug(file);
  const prep = prepare(typeof text === 'string' ? text : String(text ?? ''));
  if ('refused' in prep) return { entries: [], deck: fallbackDeck, meta: { deck: fallbackDeck }, warnings: [{ line: 1, message: prep.refused }] };
  const warnings: Warn[] = [...prep.warnings];
  const tldr = readTldrPage(typeof text === 'string' ? text : '', [], undefined); // idx-formats hook: tldr pages read exactly
  if (tldr) return { entries: tldr.entries, deck: fallbackDeck, meta: { deck: fallbackDeck, title: tldr.title, lang: tldr.lang }, warnings }; // idx-formats hook
  const parsed = parseBlocks(prep.chunks);
  for (const w of parsed.warnings) warnings.push(w);

  let fm: FrontMatter = { tags: [] };
  const fmSource = parsed.frontMatter ?? prep.looseFrontMatter;
  if (fmSource) {
    // the parser's yaml node starts at the opening ---; the loose (Hexo) form at its first field
    const r = readFrontMatter(fmSource.yaml, parsed.frontMatter ? fmSource.line + 1 : fmSource.line, parsed.frontMatter ? 'yaml' : prep.looseFrontMatter?.format); // idx-formats hook: format
    fm = r.fm;
    warnings.push(...r.warnings);
  }

  const house = parsed.blocks.some((b) => b.type === 'para' && b.list?.first && LANG_ITEM.test(b.text));
  const { sections, title } = outline(parsed.blocks, house);
  const lang = fm.lang ?? noteLanguage(parsed.blocks) ?? 'en';
  // A deck id is always a slug (backups and URLs rely on its shape); the user's own words for
  // it stay as the note's title when nothing else names the note.
  const deck = opts?.deck ?? deckSlug(fm.deck ?? fm.title ?? file);
  const named = fm.title ?? title ?? (fm.deck && fm.deck !== deck ? fm.deck : undefined);
  const meta: NoteMeta = { deck, ...(named ? { title: named } : {}), lang };

  const entries: Entry[] = [];
  const reader = new FreeformReader(lang, fm.tags);
  for (const sec of sections) {
    if (house && sec.heading && isHouseSection(sec)) {
      const r = readHouseSection(sec, fm.tags);
      if (r) {
        entries.push(r.entry);
        warnings.push(...r.problems);
      }
      continue;
    }
    if (house && (!sec.heading || sec.depth === 1)) continue; // topics and preamble of a house-format note
    if (house) warnings.push({ line: sec.heading!.line, message: `section "${sec.title}" has no "- zh:" / "- en:" items: read as a free-form note` });
    reader.readSection(sec);
  }
  for (const e of reader.finish()) entries.push(e); // no spread: a note can hold many thousands

  if (house) {
    const langs = new Set(entries.filter((e) => e.house).flatMap((e) => Object.keys(e.text)));
    for (const e of entries) {
      if (!e.house) continue;
      for (const l of langs) if (!e.text[l]) warnings.push({ line: e.line, message: `card "${e.key}" has no "- ${l}:" text` });
    }
  }
  const kept: Entry[] = [];
  for (const e of entries) {
    if (!e.key || !Object.keys(e.text).length) continue;
    const settled = settleCompareItems(e, warnings);
    if (settled) kept.push(settled);
  }
  kept.sort((a, b) => a.line - b.line);
  if (kept.length > LIMITS.maxCards) {
    warnings.push({ line: kept[LIMITS.maxCards]!.line, message: `more than ${LIMITS.maxCards} cards: the rest were skipped` });
    kept.length = LIMITS.maxCards;
  }
  warnings.sort((a, b) => a.line - b.line);
  return { entries: kept, deck, meta, warnings };
}

function safeRead(text: string, file: string, opts: IndexOptions | undefined): NoteRead {
  try {
    return readNote(text, file, opts);
  } catch (e) {
    // A bug must cost one note, not the import: report it like any other skipped input.
    const deck = opts?.deck ?? deckSlug(file);
    const msg = e instanceof Error ? e.message : String(e);
    return { entries: [], deck, meta: { deck }, warnings: [{ line: 1, message: `internal indexer error (${msg.slice(0, 200)}): note skipped` }] };
  }
}

function duplicateWarnings(set: CardSet): IndexWarning[] {
  return set.duplicates.map((d) => ({
    file: d.again.file,
    line: d.again.line,
    message: `${d.kind} card "${d.key}" is already defined at ${d.first.file}:${d.first.line}: merged into it`,
  }));
}

/** One note → its cards. Deck: `opts.deck` ?? front-matter `deck` ?? slug of the front-matter title or file name. */
export function indexNote(text: string, file: string, opts?: IndexOptions): IndexResult {
  const r = safeRead(text, file, opts);
  const set = new CardSet();
  for (const e of r.entries) set.add(e, r.deck, file);
  const warnings = [...r.warnings.map((w) => ({ file, ...w })), ...duplicateWarnings(set)];
  releaseMemos();
  return { cards: set.cards(), warnings, meta: r.meta };
}

/** Several notes → one card list; cards with the same (deck, kind, key) merge, keeping both explanations. */
export function indexNotes(notes: ReadonlyArray<{ text: string; file: string }>, opts?: IndexOptions): IndexResult {
  const set = new CardSet();
  const warnings: IndexWarning[] = [];
  const metas: NoteMeta[] = [];
  for (const n of notes) {
    const r = safeRead(n.text, n.file, opts);
    metas.push(r.meta);
    for (const w of r.warnings) warnings.push({ file: n.file, ...w });
    for (const e of r.entries) set.add(e, r.deck, n.file);
  }
  warnings.push(...duplicateWarnings(set));
  releaseMemos();
  const decks = new Set(metas.map((m) => m.deck));
  const langs = metas.map((m) => m.lang).filter((l): l is string => !!l);
  const lang = langs.sort((a, b) => langs.filter((x) => x === b).length - langs.filter((x) => x === a).length)[0];
  const meta: NoteMeta = {
    deck: opts?.deck ?? (decks.size === 1 ? [...decks][0]! : (metas[0]?.deck ?? 'notes')),
    ...(metas.length === 1 && metas[0]!.title ? { title: metas[0]!.title } : {}),
    ...(lang ? { lang } : {}),
  };
  return { cards: set.cards(), warnings, meta };
}
