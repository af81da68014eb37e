import { parseRoute, type Route } from '../routes.ts';

export { hrefs, type Route } from '../routes.ts';

class Router {
  #location = $state({ pathname: location.pathname, search: location.search });
  route: Route = $derived(parseRoute(this.#location.pathname, this.#location.search));

  constructor() {
    addEventListener('popstate', () => this.#sync());
    document.addEventListener('click', (event) => this.#interceptLink(event));
  }

  /** Go to an in-app URL. `replace` for state that should not fill the back stack (typing). */
  navigate(href: string, { replace = false } = {}) {
    if (href === location.pathname + location.search) return;
    if (replace) history.replaceState(null, '', href);
    else history.pushState(null, '', href);
    this.#sync();
    if (!replace) scrollTo(0, 0);
  }

  #sync() {
    this.#location = { pathname: location.pathname, search: location.search };
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
