import type { Page } from 'playwright-core';

/**
 * Fills the origin's quota with random bytes (nothing compresses them away) in another
 * database; returns how many bytes it wrote.
 */
export async function fillStorage(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('filler', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('blobs');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    let key = 0;
    let total = 0;
    for (const size of [1_000_000, 100_000, 10_000, 500]) {
      for (;;) {
        const chunk = new Uint8Array(size);
        for (let at = 0; at < size; at += 65_536) crypto.getRandomValues(chunk.subarray(at, at + 65_536));
        const ok = await new Promise<boolean>((resolve) => {
          const tx = db.transaction('blobs', 'readwrite');
          tx.objectStore('blobs').put(chunk, key++);
          tx.oncomplete = () => resolve(true);
          tx.onabort = () => resolve(false);
        });
        if (!ok) break;
        total += size;
      }
    }
    db.close();
    return total;
  });
}
