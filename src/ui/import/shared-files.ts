/**
 * Files shared to Deckhand from another app (Web Share Target). The service worker receives
 * the POST, parks each file in this cache and redirects to /decks?shared=1; the page takes
 * them out here (and empties the cache) so they go through the normal import preview.
 *
 * Any web page can POST a form to the share URL too, so what arrived is only listed (names
 * and sizes) until the user asks to preview it, or discards it (issue 19).
 */
import { SHARE_CACHE } from './share-target.ts';

export interface SharedFileInfo {
  name: string;
  size: number;
}

async function parked(): Promise<{ cache: Cache; requests: readonly Request[] } | null> {
  if (typeof caches === 'undefined') return null;
  const cache = await caches.open(SHARE_CACHE);
  return { cache, requests: await cache.keys() };
}

const nameOf = (response: Response) => decodeURIComponent(response.headers.get('x-file-name') ?? 'shared.md');

/** What is waiting, without taking it in. */
export async function listSharedFiles(): Promise<SharedFileInfo[]> {
  const box = await parked();
  if (!box) return [];
  const out: SharedFileInfo[] = [];
  for (const request of box.requests) {
    const response = await box.cache.match(request);
    if (response) out.push({ name: nameOf(response), size: (await response.blob()).size });
  }
  return out;
}

export async function readSharedFiles(): Promise<File[]> {
  const box = await parked();
  if (!box) return [];
  const files: File[] = [];
  for (const request of box.requests) {
    const response = await box.cache.match(request);
    if (!response) continue;
    files.push(new File([await response.blob()], nameOf(response), { type: response.headers.get('content-type') ?? 'text/plain' }));
    await box.cache.delete(request);
  }
  return files;
}

/** Throws away what arrived, unread. */
export async function discardSharedFiles(): Promise<void> {
  if (typeof caches !== 'undefined') await caches.delete(SHARE_CACHE);
}
