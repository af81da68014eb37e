import { registerServiceWorker, type PwaEvent } from '../../lib/pwa/bridge.ts';

/** What the UI shows of the service worker: offline-ready, and an update waiting for consent. */
class PwaState {
  offlineReady = $state(false);
  /** The service worker could not install: the app works online only. */
  offlineUnavailable = $state(false);
  #apply = $state<(() => void) | null>(null);

  get update(): boolean {
    return this.#apply !== null;
  }

  start() {
    registerServiceWorker((event: PwaEvent) => {
      if (event.type === 'offline-ready') this.offlineReady = true;
      else if (event.type === 'update-available') this.#apply = event.apply;
      else if (event.type === 'install-failed') this.offlineUnavailable = true;
      else console.warn('Service worker registration failed; the app keeps working online.', event.error);
    });
  }

  applyUpdate() {
    this.#apply?.();
  }

  /** Reloads into the current version: a waiting update is applied first. */
  reload() {
    if (this.#apply) this.#apply();
    else window.location.reload();
  }

  dismissUpdate() {
    this.#apply = null;
  }
}

export const pwa = new PwaState();
