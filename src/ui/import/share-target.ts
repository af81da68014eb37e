/**
 * Web Share Target contract, shared by the manifest (scripts/app-manifest.ts), the service
 * worker (src/sw.ts, which parks shared files) and the page (shared-files.ts, which takes them).
 * Constants only: this file is imported by Node, the service worker and the app alike.
 */
export const SHARE_ACTION = '/share-target';
/** The multipart field the files arrive in. */
export const SHARE_FIELD = 'notes';
export const SHARE_CACHE = 'deckhand-shared-notes';
/** Where the service worker sends the user after parking the files. */
export const SHARE_LANDING = '/decks?shared=1';
