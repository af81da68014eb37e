import type { CatalogueIndex, LineRows, Meanings } from '../../lib/cli/index.ts';
import { deck } from '../state/deck.svelte.ts';
import { i18n } from '../state/i18n.svelte.ts';

type Cli = typeof import('../../lib/cli/index.ts');

/**
 * The command-line explainer for the UI. The parser and the CLI catalogue load on first use
 * (two lazy chunks, precached for offline), never with the first render. Meanings come from
 * every card the app knows — bundled and imported — so the words match the user's drills.
 */
class Explainer {
  #cli = $state.raw<Cli | null>(null);
  #cat = $state.raw<CatalogueIndex | null>(null);
  #failed = $state('');
  #started = false;
  readonly #meanings: Meanings | null = $derived(this.#cli && this.#cat ? new this.#cli.Meanings(this.#cat, deck.cards) : null);

  get ready(): boolean {
    return this.#meanings !== null;
  }

  get failed(): string {
    return this.#failed;
  }

  /** Start loading (idempotent). State changes only after the chunks arrive. */
  load(): void {
    if (this.#started) return;
    this.#started = true;
    import('../../lib/cli/index.ts')
      .then(async (cli) => {
        const cat = await cli.loadCatalogue();
        this.#cli = cli;
        this.#cat = cat;
      })
      .catch((error: unknown) => {
        this.#started = false;
        this.#failed = error instanceof Error ? error.message : String(error);
      });
  }

  /** The line explained in the interface language, or null while the explainer loads. */
  explain(line: string): LineRows | null {
    const cli = this.#cli;
    if (!cli || !this.#cat || !this.#meanings) return null;
    return cli.describeLine(this.#cat, this.#meanings, line, i18n.lang);
  }
}

export const explainer = new Explainer();
