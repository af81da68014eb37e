import { tick } from 'svelte';
import { parseRoute, type Route } from '../routes.ts';

export { hrefs, type Route } from '../routes.ts';

/** What each history entry remembers besides its URL. */
interface EntryState {
  scrollY?: number;
}

class Router {
  #location = $state({ pathname: location.pathname, search: location.search });
  route: Route = $derived(parseRoute(this.#location.pathname, this.#location.search));
  /** The route was reached with back/forward: the page comes back as it was left. */
  #returned = false;

  constructor() {
    // The app restores scroll itself: the browser would do it before the page is drawn again.
    history.scrollRestoration = 'manual';
    addEventListener('popstate', () => {
      this.#returned = true;
      this.#sync();
      void this.#restoreScroll();
    });
    document.addEventListener('click', (event) => this.#interceptLink(event));
  }

  /** True when the current page was reached with back/forward (not a link or typing). */
  get returned(): boolean {
    return this.#returned;
  }

  /** Go to an in-app URL. `replace` for state that should not fill the back stack (typing). */
  navigate(href: string, { replace = false } = {}) {
    if (href === location.pathname + location.search) return;
    this.#returned = false;
    if (replace) history.replaceState(history.state, '', href);
    else {
      // Where the page being left was scrolled to, for the way back.
      history.replaceState({ ...(history.state as EntryState | null), scrollY: scrollY } satisfies EntryState, '');
      history.pushState(null, '', href);
    }
    this.#sync();
    if (!replace) scrollTo(0, 0);
  }

  #sync() {
    this.#location = { pathname: location.pathname, search: location.search };
  }

  /** Back at a page: scroll to where it was left, once it is drawn tall enough again. */
  async #restoreScroll() {
    const y = (history.state as EntryState | null)?.scrollY ?? 0;
    await tick();
    for (let frame = 0; frame < 30; frame++) {
      if (document.documentElement.scrollHeight - innerHeight >= y) break;
      await new Promise(requestAnimationFrame);
    }
    scrollTo(0, y);
  }

  #interceptLink(event: MouseEvent) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest('a');
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin) return;
    event.preventDefault();
    this.navigate(url.pathname + url.search);
  }
}

export const router = new Router();
