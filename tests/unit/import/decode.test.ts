import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeNote, firstInvalidUtf8, formatBytes, MAX_NOTE_BYTES, sizeError } from '../../../src/lib/notes/decode.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));
const original = readFileSync('tests/fixtures/import/zh-note.md', 'utf8');
const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('reading a note in the encoding it was saved in', () => {
  it.each([
    ['zh-note.md', 'utf-8', false],
    ['zh-note.gbk.md', 'gbk', false],
    ['zh-note.utf16le.md', 'utf-16le', true],
    ['zh-note.utf16le-nobom.md', 'utf-16le', false],
    ['zh-note.utf16be-nobom.md', 'utf-16be', false],
  ] as const)('%s reads as the same Chinese text (%s)', (file, encoding, bom) => {
    const result = decodeNote(fixture(file));
    expect(result).toEqual({ ok: true, text: original, encoding, bom });
  });

  it('drops a UTF-8 byte-order mark and remembers it was there', () => {
    const result = decodeNote(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('# 笔记\n')]));
    expect(result).toEqual({ ok: true, text: '# 笔记\n', encoding: 'utf-8', bom: true });
  });

  it('reads a UTF-16 BE file with its byte-order mark', () => {
    const le = fixture('zh-note.utf16le-nobom.md');
    const be = new Uint8Array(le.length + 2);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < le.length; i += 2) [be[i + 2], be[i + 3]] = [le[i + 1]!, le[i]!];
    expect(decodeNote(be)).toMatchObject({ ok: true, text: original, encoding: 'utf-16be', bom: true });
  });

  it('reads an empty file as empty text, not as an error', () => {
    expect(decodeNote(new Uint8Array())).toEqual({ ok: true, text: '', encoding: 'utf-8', bom: false });
  });

  it('keeps plain ASCII with tabs and CRLF line ends as UTF-8', () => {
    const text = '# Notes\r\n\r\n\tdocker ps -a\r\n';
    expect(decodeNote(utf8(text))).toEqual({ ok: true, text, encoding: 'utf-8', bom: false });
  });
});

describe('explaining what cannot be read', () => {
  it('refuses a note over 5 MB with its size and the limit', () => {
    const big = new Uint8Array(MAX_NOTE_BYTES + 1).fill(0x61);
    const result = decodeNote(big);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('too-large');
    expect(result.error.message).toBe(
      'This file is over the 5 MB limit for a note. Split it into smaller notes.',
    );
    expect(sizeError(6.3 * 1024 * 1024)?.message).toBe(
      'This file is 6.3 MB, over the 5 MB limit for a note. Split it into smaller notes.',
    );
  });

  it('accepts a note of exactly 5 MB', () => {
    expect(sizeError(MAX_NOTE_BYTES)).toBeUndefined();
    expect(decodeNote(new Uint8Array(MAX_NOTE_BYTES).fill(0x61)).ok).toBe(true);
  });

  it.each([
    [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37], 'This is a PDF document, not a text note. Import .md or .txt files.'],
    [[0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0], 'This is a ZIP archive (Word .docx, Excel and EPUB files are ZIP archives too), not a text note. Import .md or .txt files.'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'This is a PNG image, not a text note. Import .md or .txt files.'],
    [[0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'This is a JPEG image, not a text note. Import .md or .txt files.'],
  ])('names a file picked by mistake: %j', (start, message) => {
    const result = decodeNote(bytes(...start, ...utf8(' some trailing bytes')));
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'binary', message }) });
  });

  it('calls unknown binary data binary (NUL bytes that are not UTF-16)', () => {
    const data = new Uint8Array(256).map((_, i) => (i * 37) & 0xff);
    const result = decodeNote(data);
    expect(result).toEqual({
      ok: false,
      error: { code: 'binary', kind: undefined, what: undefined, message: 'This file is not text (it contains binary data). Import .md or .txt files.' },
    });
  });

  it('calls text full of control characters binary', () => {
    const data = utf8('a\x01b\x02c\x03d\x04e\x05f\x06g\x07h\x08i\x0ej\x0fk\x10');
    expect(decodeNote(data)).toMatchObject({ ok: false, error: { code: 'binary' } });
  });

  it('says UTF-32 is not read, instead of decoding it as UTF-16', () => {
    const result = decodeNote(bytes(0xff, 0xfe, 0, 0, 0x23, 0, 0, 0));
    expect(result).toEqual({
      ok: false,
      error: { code: 'utf-32', message: 'This file is saved as UTF-32, which Deckhand does not read. Save it as UTF-8 and import it again.' },
    });
  });

  it('says a UTF-16 file was cut short', () => {
    const cut = fixture('zh-note.utf16le.md').subarray(0, 101);
    expect(decodeNote(cut)).toEqual({
      ok: false,
      error: {
        code: 'bad-utf-16',
        encoding: 'utf-16le',
        message: 'This file is UTF-16 LE but has an odd number of bytes (it was cut short). Save it as UTF-8 and import it again.',
      },
    });
  });

  it('says a UTF-16 file has broken characters (a lone surrogate)', () => {
    const result = decodeNote(bytes(0xff, 0xfe, 0x23, 0, 0x0a, 0, 0x3d, 0xd8, 0x41, 0));
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-utf-16', message: expect.stringContaining('broken characters') } });
  });

  it('does not guess GBK for Big5 text, and says where UTF-8 failed', () => {
    const result = decodeNote(fixture('tw-note.big5.md'));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'unknown-encoding',
        offset: 2,
        line: 1,
        message:
          'This file is not valid UTF-8 (line 1, byte 2) and does not read as GBK Chinese either — ' +
          'it may be Big5, Shift-JIS or damaged. Save it as UTF-8 and import it again.',
      },
    });
  });

  it('reports the line of damage in a UTF-8 file with a byte-order mark', () => {
    const result = decodeNote(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('one\ntwo\n'), 0xe4, 0x41]));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'unknown-encoding', line: 3, offset: 11, message: expect.stringContaining('damaged at line 3') },
    });
  });
});

describe('firstInvalidUtf8', () => {
  it('agrees with a fatal TextDecoder on valid and invalid sequences', () => {
    const cases: number[][] = [
      [0x41, 0xc3, 0xa9],
      [0xc0, 0x80], // overlong NUL
      [0xe0, 0x80, 0x80], // overlong
      [0xed, 0xa0, 0x80], // encoded surrogate
      [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
      [0xf0, 0x9f, 0x90, 0xb3],
      [0xe4, 0xbd], // truncated
      [0x80],
    ];
    for (const c of cases) {
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(c));
      } catch {
        valid = false;
      }
      expect(firstInvalidUtf8(new Uint8Array(c)) === -1, JSON.stringify(c)).toBe(valid);
    }
  });
});

describe('formatBytes', () => {
  it('prints sizes as people read them', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB');
  });
});
