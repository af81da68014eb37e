/// <reference lib="webworker" />
/**
 * Decodes and indexes a note off the main thread, so a 5 MB note never freezes the page.
 * Same indexer as the build and the CLI; progress goes back as it happens.
 */
import { decodeNote } from '../lib/notes/decode.ts';
import { indexNote } from '../lib/notes/index.ts';
import type { IndexRequest, IndexResponse, IndexedNote } from '../ui/import/protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<IndexRequest>) => {
  const reply = (message: IndexResponse) => self.postMessage(message);
  const request = event.data;
  const started = performance.now();
  try {
    let text: string;
    let encoding: IndexedNote['encoding'] = 'utf-8';
    if (request.kind === 'bytes') {
      reply({ id: request.id, type: 'progress', phase: 'decoding', fraction: 0 });
      const decoded = decodeNote(new Uint8Array(request.bytes));
      if (!decoded.ok) return reply({ id: request.id, type: 'failed', error: decoded.error });
      ({ text, encoding } = decoded);
    } else {
      text = request.text;
    }
    reply({ id: request.id, type: 'progress', phase: 'indexing', fraction: 0.1 });
    const { cards, warnings, meta } = indexNote(text, request.file, request.deck ? { deck: request.deck } : {});
    const note: IndexedNote = { text, encoding, cards, warnings, meta, ms: performance.now() - started };
    reply({ id: request.id, type: 'done', note });
  } catch (error) {
    // The indexer promises never to throw; if it does, say so instead of hanging the import.
    reply({ id: request.id, type: 'failed', error: { code: 'crash', message: error instanceof Error ? error.message : String(error) } });
  }
};
