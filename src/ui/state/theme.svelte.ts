import { local } from './web-storage.ts';

export type ThemeChoice = 'system' | 'light' | 'dark';
const STORAGE_KEY = 'deckhand.theme';

/** Light and dark follow the system unless the user overrides; the CSS reads data-theme. */
class Theme {
  #choice = $state<ThemeChoice>(readChoice());

  constructor() {
    this.#apply();
  }

  get choice(): ThemeChoice {
    return this.#choice;
  }

  set choice(choice: ThemeChoice) {
    this.#choice = choice;
    local.set(STORAGE_KEY, choice);
    this.#apply();
  }

  #apply() {
    const root = document.documentElement;
    if (this.#choice === 'system') delete root.dataset.theme;
    else root.dataset.theme = this.#choice;
  }
}

function readChoice(): ThemeChoice {
  const saved = local.get(STORAGE_KEY);
  return saved === 'light' || saved === 'dark' ? saved : 'system';
}

export const theme = new Theme();
