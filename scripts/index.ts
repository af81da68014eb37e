/**
 * `npm run --silent index -- <file|dir>...` — print the cards of the given notes as JSON.
 * Directories are walked recursively for .md/.markdown/.txt files (sorted; README.md skipped).
 * Warnings go to stderr as `file:line: message`. Node I/O only; the indexing is src/lib/notes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { indexNotes } from '../src/lib/notes/index.ts';

const NOTE = /\.(md|markdown|txt)$/i;

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) walk(path, out);
    else if (st.isFile() && NOTE.test(name) && name.toLowerCase() !== 'readme.md') out.push(path);
  }
}

function main(args: string[]): number {
  const inputs = args.filter((a) => a !== '--');
  if (!inputs.length) {
    process.stderr.write('usage: npm run --silent index -- <file|dir>...\n');
    return 2;
  }
  const notes: { text: string; file: string }[] = [];
  const problems: string[] = [];
  for (const input of inputs) {
    try {
      const st = statSync(input);
      const files: string[] = [];
      if (st.isDirectory()) walk(input, files);
      else files.push(input);
      if (st.isDirectory() && !files.length) problems.push(`${input}: no .md, .markdown or .txt notes in this directory`);
      for (const file of files) {
        try {
          const rel = relative(process.cwd(), file);
          notes.push({ text: readFileSync(file, 'utf8'), file: rel && !rel.startsWith('..') ? rel : file });
        } catch (e) {
          problems.push(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
        }
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push(`${input}: ${code === 'ENOENT' ? 'no such file or directory' : `cannot read (${code ?? String(e)})`}`);
    }
  }
  for (const p of problems) process.stderr.write(`index: ${p}\n`);
  if (!notes.length) {
    if (!problems.length) process.stderr.write('index: nothing to read\n');
    return 1;
  }
  const result = indexNotes(notes);
  for (const w of result.warnings) process.stderr.write(`${w.file}:${w.line}: ${w.message}\n`);
  process.stdout.write(`${JSON.stringify(result.cards, null, 2)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
