import { formatBytes } from '../../lib/notes/decode.ts';
import { StorageFullError } from '../../lib/store/errors.ts';
import { i18n } from '../state/i18n.svelte.ts';
import type { ImportFailure } from './protocol.ts';

/** Why a note was not imported, in the interface language. */
export function failureText(error: ImportFailure): string {
  switch (error.code) {
    case 'too-large':
      return i18n.t('importErrTooLarge', { size: formatBytes(error.size), limit: formatBytes(error.limit) });
    case 'binary':
      return error.kind ? i18n.t('importErrBinary', { what: i18n.t(`binary_${error.kind}`) }) : i18n.t('importErrBinaryUnknown');
    case 'utf-32':
      return i18n.t('importErrUtf32');
    case 'bad-utf-16':
      return i18n.t('importErrUtf16', { encoding: error.encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE' });
    case 'unknown-encoding':
      return i18n.t('importErrEncoding', { line: error.line });
    case 'crash':
      return i18n.t('importErrCrash', { message: error.message });
    case 'timeout':
      return i18n.t('importErrTimeout', { file: error.file, seconds: error.seconds });
  }
}

export const ENCODING_LABELS = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', gbk: 'GBK' } as const;

/** Why saving imported notes failed: a full disk says so plainly (not the grade's wording). */
export function saveFailureText(error: unknown): string {
  if (error instanceof StorageFullError) return i18n.t('importErrNoSpace');
  return i18n.t('importSaveFailed', { reason: error instanceof Error ? error.message : String(error) });
}
