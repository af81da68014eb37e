/**
 * Bytes of a note file → text. People save Chinese notes as UTF-8, UTF-16 (Windows Notepad's
 * "Unicode") or GBK; some pick a PDF or a Word file by mistake. Every outcome is either text
 * with the encoding it was read as, or an error that says exactly what is wrong and what to do.
 * Pure: TextDecoder exists in every runtime we target (browser, worker, Node).
 */

// Declared here rather than pulling in the DOM lib: the core stays DOM-free (tsconfig.core.json).
interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
declare const TextDecoder: new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => TextDecoderLike;

/** Notes larger than this are refused before they are read. */
export const MAX_NOTE_BYTES = 5 * 1024 * 1024;

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gbk';

export type DecodeError =
  | { code: 'too-large'; size: number; limit: number; message: string }
  | { code: 'binary'; kind: BinaryKind | undefined; what: string | undefined; message: string }
  | { code: 'utf-32'; message: string }
  | { code: 'bad-utf-16'; encoding: 'utf-16le' | 'utf-16be'; message: string }
  | { code: 'unknown-encoding'; offset: number; line: number; message: string };

/** What a mistakenly picked file is, for a message in the user's language. */
export type BinaryKind = 'pdf' | 'office' | 'image' | 'archive' | 'program' | 'database';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName; bom: boolean }
  | { ok: false; error: DecodeError };

/** "5 MB", "1.2 MB", "830 KB": sizes as people read them. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${trim(n / (1024 * 1024))} MB`;
  if (n >= 1024) return `${trim(n / 1024)} KB`;
  return `${n} bytes`;
}

function trim(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}

/** The size check alone, for refusing a picked file before reading it. */
export function sizeError(size: number, limit = MAX_NOTE_BYTES): DecodeError | undefined {
  if (size <= limit) return undefined;
  return {
    code: 'too-large',
    size,
    limit,
    message:
      formatBytes(size) === formatBytes(limit)
        ? `This file is over the ${formatBytes(limit)} limit for a note. Split it into smaller notes.`
        : `This file is ${formatBytes(size)}, over the ${formatBytes(limit)} limit for a note. Split it into smaller notes.`,
  };
}

/** File signatures of things people pick by mistake, so the message can name them. */
const SIGNATURES: ReadonlyArray<{ bytes: readonly number[]; kind: BinaryKind; what: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'pdf', what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'office', what: 'a ZIP archive (Word .docx, Excel and EPUB files are ZIP archives too)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'office', what: 'an old Microsoft Office document (.doc or .xls)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'image', what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'image', what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'image', what: 'a GIF image' },
  { bytes: [0x52, 0x49, 0x46, 0x46], kind: 'image', what: 'a RIFF media file (WebP, WAV or AVI)' },
  { bytes: [0x1f, 0x8b], kind: 'archive', what: 'a gzip archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], kind: 'archive', what: 'a 7-Zip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], kind: 'archive', what: 'a RAR archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: 'program', what: 'a Linux program (ELF)' },
  { bytes: [0x4d, 0x5a], kind: 'program', what: 'a Windows program' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], kind: 'database', what: 'an SQLite database' },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function binary(signature?: { kind: BinaryKind; what: string }): DecodeResult {
  const what = signature?.what;
  const message = what
    ? `This is ${what}, not a text note. Import .md or .txt files.`
    : 'This file is not text (it contains binary data). Import .md or .txt files.';
  return { ok: false, error: { code: 'binary', kind: signature?.kind, what, message } };
}

export function decodeNote(bytes: Uint8Array, limit = MAX_NOTE_BYTES): DecodeResult {
  const tooLarge = sizeError(bytes.length, limit);
  if (tooLarge) return { ok: false, error: tooLarge };

  // A byte-order mark settles the encoding. UTF-32's BOM starts like UTF-16 LE's: check it first.
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) {
    return {
      ok: false,
      error: { code: 'utf-32', message: 'This file is saved as UTF-32, which Deckhand does not read. Save it as UTF-8 and import it again.' },
    };
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return utf8(bytes.subarray(3), true);
  if (startsWith(bytes, [0xff, 0xfe])) return utf16(bytes.subarray(2), 'utf-16le', true);
  if (startsWith(bytes, [0xfe, 0xff])) return utf16(bytes.subarray(2), 'utf-16be', true);

  const signature = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (signature) return binary(signature);

  // No BOM: UTF-16 shows itself by zero bytes on one side of each pair (every ASCII character,
  // newline and space has a zero high byte), while real text in any 8-bit encoding has none.
  const sixteen = guessUtf16(bytes);
  if (sixteen) return utf16(bytes, sixteen, false);
  if (bytes.includes(0)) return binary();

  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return utf8(bytes, false);
  if (isPlausibleGbk(bytes)) return checked(new TextDecoder('gbk').decode(bytes), 'gbk', false);
  const line = lineAt(bytes, bad);
  return {
    ok: false,
    error: {
      code: 'unknown-encoding',
      offset: bad,
      line,
      message:
        `This file is not valid UTF-8 (line ${line}, byte ${bad}) and does not read as GBK Chinese either — ` +
        'it may be Big5, Shift-JIS or damaged. Save it as UTF-8 and import it again.',
    },
  };
}

function utf8(bytes: Uint8Array, bom: boolean): DecodeResult {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const line = lineAt(bytes, bad);
    return {
      ok: false,
      error: {
        code: 'unknown-encoding',
        offset: bad + (bom ? 3 : 0),
        line,
        message: `This file starts with a UTF-8 mark but is damaged at line ${line}. Save it as UTF-8 again and re-import.`,
      },
    };
  }
  return checked(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), 'utf-8', bom);
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', bom: boolean): DecodeResult {
  const label = encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
  const damaged = (why: string): DecodeResult => ({
    ok: false,
    error: { code: 'bad-utf-16', encoding, message: `This file is ${label} but ${why}. Save it as UTF-8 and import it again.` },
  });
  if (bytes.length % 2 === 1) return damaged('has an odd number of bytes (it was cut short)');
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return checked(text, encoding, bom);
  } catch {
    return damaged('contains broken characters');
  }
}

/** Text that decoded cleanly can still be binary: many control characters give it away. */
function checked(text: string, encoding: TextEncodingName, bom: boolean): DecodeResult {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return binary();
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) controls++;
  }
  if (controls > 8 && controls > text.length / 100) return binary();
  return { ok: true, text, encoding, bom };
}

/** Which UTF-16 byte order the zero bytes point to, if they point to one. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 64 * 1024) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  // A mostly-Chinese note has few ASCII characters, so the bar is low; the other side must be clean.
  if (oddZeros >= pairs * 0.1 && evenZeros <= pairs * 0.01) return 'utf-16le';
  if (evenZeros >= pairs * 0.1 && oddZeros <= pairs * 0.01) return 'utf-16be';
  return undefined;
}

/** Offset of the first byte that breaks UTF-8, or -1 when the whole buffer is valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * GBK (and its superset GB18030) by structure, then by content: simplified-Chinese text keeps
 * most double-byte characters in the GB2312 block (lead and trail 0xA1–0xFE), where Big5 and
 * Shift-JIS text, which can also pass the structural check, do not.
 */
function isPlausibleGbk(bytes: Uint8Array): boolean {
  let pairs = 0;
  let gb2312 = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b === 0x80 || b === 0xff) return false;
    const t = bytes[i + 1];
    if (t === undefined) return false;
    if (t >= 0x30 && t <= 0x39) {
      // GB18030 four-byte sequence: lead, digit, 0x81–0xFE, digit.
      const t2 = bytes[i + 2];
      const t3 = bytes[i + 3];
      if (t2 === undefined || t3 === undefined || t2 < 0x81 || t2 > 0xfe || t3 < 0x30 || t3 > 0x39) return false;
      i += 4;
      continue;
    }
    if (t < 0x40 || t === 0x7f || t === 0xff) return false;
    pairs++;
    if (b >= 0xa1 && b <= 0xf7 && t >= 0xa1) gb2312++;
    i += 2;
  }
  return pairs > 0 && gb2312 >= pairs * 0.8;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
