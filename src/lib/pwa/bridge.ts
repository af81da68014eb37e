import { Workbox } from 'workbox-window';

/**
 * The one bridge to the service worker. The UI passes `notify`; the bridge reports
 * offline-ready and update-available, and applies an update only when asked.
 */
export type PwaEvent =
  | { type: 'offline-ready' }
  | { type: 'update-available'; apply: () => void }
  | { type: 'registration-failed'; error: unknown }
  /** The worker could not install (storage quota, site data blocked): offline use will not work. */
  | { type: 'install-failed' };

export function registerServiceWorker(notify: (event: PwaEvent) => void, url = '/sw.js'): void {
  if (!('serviceWorker' in navigator)) return;
  const wb = new Workbox(url, { scope: '/' });

  const promptUpdate = () =>
    notify({
      type: 'update-available',
      apply: () => void applyUpdate(wb),
    });

  let installed = false;
  wb.addEventListener('waiting', promptUpdate);
  wb.addEventListener('installed', (event) => {
    installed = true;
    if (!event.isUpdate) notify({ type: 'offline-ready' });
  });
  // A first install that fails (precaching over quota) ends "redundant" without ever installing.
  wb.addEventListener('redundant', (event) => {
    if (!event.isUpdate && !installed) notify({ type: 'install-failed' });
  });
  // A failed registration leaves a working online app: report it, nothing else.
  wb.register().then(watchForUpdates, (error: unknown) => notify({ type: 'registration-failed', error }));

  /**
   * The browser itself only looks for a new version on a navigation, and an installed app can
   * stay open (or in the background) for days: look again whenever it is shown and every hour
   * while it is open. A new version found this way waits for the user, like any other.
   */
  function watchForUpdates() {
    const check = () => void wb.update().catch(() => {}); // offline: try again next time
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') check();
    });
    setInterval(check, UPDATE_CHECK_MS);
  }
}

/**
 * Reloads into the new version. When another tab already accepted the update, the new worker
 * is active and nothing waits: reload straight away (waiting for 'controlling' would hang).
 */
async function applyUpdate(wb: Workbox): Promise<void> {
  const registration = await navigator.serviceWorker.getRegistration();
  if (!registration?.waiting) {
    window.location.reload();
    return;
  }
  // Reload once the new worker controls the page — never before the user accepts.
  wb.addEventListener('controlling', () => window.location.reload());
  wb.messageSkipWaiting();
}

/** How often an open app asks the server for a new version. */
export const UPDATE_CHECK_MS = 60 * 60 * 1000;
