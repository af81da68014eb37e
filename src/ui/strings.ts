import type { Lang } from '../lib/notes/card.ts';
import * as app from './strings/app.ts';
import * as drill from './strings/drill.ts';
import * as imports from './strings/import.ts';

/** Interface text in both languages, one file per area of the app (each checks that zh has every en key). */
const en = { ...app.en, ...drill.en, ...imports.en } as const;

export type StringKey = keyof typeof en;

const zh: Record<StringKey, string> = { ...app.zh, ...drill.zh, ...imports.zh };

export const STRINGS: Record<Lang, Record<StringKey, string>> = { en, zh };
