/**
 * Files shared to Deckhand from another app (Web Share Target). The service worker receives
 * the POST, parks each file in this cache and redirects to /decks?shared=1; the page takes
 * them out here (and empties the cache) so they go through the normal import preview.
 */
import { SHARE_CACHE } from './share-target.ts';

export async function readSharedFiles(): Promise<File[]> {
  if (typeof caches === 'undefined') return [];
  const cache = await caches.open(SHARE_CACHE);
  const files: File[] = [];
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    if (!response) continue;
    const name = decodeURIComponent(response.headers.get('x-file-name') ?? 'shared.md');
    files.push(new File([await response.blob()], name, { type: response.headers.get('content-type') ?? 'text/plain' }));
    await cache.delete(request);
  }
  return files;
}
