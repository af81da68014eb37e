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
  wb.register().catch((error: unknown) => notify({ type: 'registration-failed', error }));
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
