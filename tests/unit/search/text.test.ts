import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOK_CJK, TOK_COMPOUND, TOK_FLAG, TOK_WORD, fold, scan } from '../../../src/lib/search/text.ts';

const NAMES = { [TOK_WORD]: 'word', [TOK_COMPOUND]: 'compound', [TOK_FLAG]: 'flag', [TOK_CJK]: 'cjk' } as const;
const tokens = (text: string) => {
  const out: string[] = [];
  scan(text, (kind, start, end) => out.push(`${NAMES[kind]}:${text.slice(start, end)}`));
  return out;
};

describe('cutting text into tokens', () => {
  it('reads flags only where a flag can start, case kept', () => {
    expect(tokens('docker run -P --pull always')).toEqual([
      'word:docker', 'word:run', 'flag:-P', 'word:P', 'flag:--pull', 'word:pull', 'word:always',
    ]);
    expect(tokens('a-p')).toEqual(['word:a', 'word:p', 'compound:a-p']); // never a flag inside a word
    expect(tokens('(`-v`，--mount=type=bind)').filter((t) => t.startsWith('flag'))).toEqual(['flag:-v', 'flag:--mount']);
  });

  it('keeps compounds whole as well as in parts', () => {
    expect(tokens('docker-compose daemon.json --publish-all')).toEqual([
      'word:docker', 'word:compose', 'compound:docker-compose',
      'word:daemon', 'word:json', 'compound:daemon.json',
      'flag:--publish-all', 'word:publish', 'word:all', 'compound:publish-all',
    ]);
  });

  it('keeps Chinese runs apart from words and punctuation', () => {
    expect(tokens('删除镜像：docker rmi（强制）')).toEqual(['cjk:删除镜像', 'word:docker', 'word:rmi', 'cjk:强制']);
    expect(tokens('save和export区别')).toEqual(['word:save', 'cjk:和', 'word:export', 'cjk:区别']);
  });

  it('never loses or reorders text, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        let last = -1;
        scan(text, (kind, start, end) => {
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(text.length);
          if (kind === TOK_WORD || kind === TOK_CJK) {
            expect(start).toBeGreaterThanOrEqual(last); // words and runs come in order
            last = start;
          }
        });
      }),
    );
  });

  it('folds without changing length', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(fold(text)).toHaveLength(text.length);
      }),
    );
    expect(fold('Docker RUN Ünïcode 镜像')).toBe('docker run ünïcode 镜像');
  });
});
