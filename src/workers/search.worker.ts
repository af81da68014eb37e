import { createSearchService } from '../lib/search/service.ts';
import type { SearchRequest } from '../lib/search/protocol.ts';

/**
 * The search worker: a thin adapter over the same search core the app and the CLI use.
 * Receives the cards once (again when they change), then answers queries by id.
 * Talk to it with `createSearchClient` (src/lib/search/client.ts).
 */
declare const self: DedicatedWorkerGlobalScope;

const handle = createSearchService(
  () => performance.now(),
  (bytes) => new TextDecoder().decode(bytes),
);

self.onmessage = (event: MessageEvent<SearchRequest>) => {
  self.postMessage(handle(event.data));
};
