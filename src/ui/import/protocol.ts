/**
 * Messages between the import state (main thread) and src/workers/index.worker.ts.
 * Plain data only: everything crosses postMessage by structured clone (bytes are transferred).
 */
import type { Card } from '../../lib/notes/card.ts';
import type { DecodeError, TextEncodingName } from '../../lib/notes/decode.ts';

export interface IndexWarning {
  file: string;
  line: number;
  message: string;
}

export type IndexRequest =
  | { id: number; kind: 'bytes'; bytes: ArrayBuffer; file: string; deck?: string }
  | { id: number; kind: 'text'; text: string; file: string; deck?: string };

export type IndexPhase = 'decoding' | 'indexing';

export interface IndexedNote {
  text: string;
  /** How the bytes were read; 'utf-8' for pasted text. */
  encoding: TextEncodingName;
  cards: Card[];
  warnings: IndexWarning[];
  meta: { deck: string; title?: string; lang?: string };
  /** Milliseconds spent decoding and indexing, measured in the worker. */
  ms: number;
}

export type ImportFailure =
  | DecodeError
  | { code: 'crash'; message: string }
  /** Indexing ran past the client's time budget and was stopped. */
  | { code: 'timeout'; file: string; seconds: number };

export type IndexResponse =
  | { id: number; type: 'progress'; phase: IndexPhase; /** 0…1 */ fraction: number }
  | { id: number; type: 'done'; note: IndexedNote }
  | { id: number; type: 'failed'; error: ImportFailure };
