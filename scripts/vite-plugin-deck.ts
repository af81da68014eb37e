import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { indexNotes } from '../src/lib/notes/index.ts';

/**
 * Turns every note under content/ into cards at build time, so the phone never parses Markdown
 * at start-up. The cards ship as one hashed JSON asset (precached by the service worker);
 * the app imports its URL from `virtual:deck`.
 */
const VIRTUAL_ID = 'virtual:deck';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
const DEV_URL = '/@deck/cards.json';

export function deckPlugin(contentDir: string): Plugin {
  let isBuild = false;
  const cardsJson = () => {
    const files = readdirSync(contentDir)
      .filter((name) => name.endsWith('.md') && name !== 'README.md')
      .sort();
    const notes = files.map((name) => ({
      file: relative(process.cwd(), join(contentDir, name)),
      text: readFileSync(join(contentDir, name), 'utf8'),
    }));
    const { cards, warnings } = indexNotes(notes);
    for (const w of warnings) console.warn(`deck: ${w.file}:${w.line}: ${w.message}`);
    return JSON.stringify(cards);
  };
  return {
    name: 'deckhand-deck',
    configResolved(config) {
      isBuild = config.command === 'build';
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      this.addWatchFile(contentDir);
      if (!isBuild) return `export default ${JSON.stringify(DEV_URL)};`;
      const ref = this.emitFile({ type: 'asset', name: 'cards.json', source: cardsJson() });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    configureServer(server) {
      server.middlewares.use(DEV_URL, (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(cardsJson());
      });
    },
  };
}
