/** Regression (issue 19): Copy put characters on the clipboard that the screen does not show. */
import { describe, expect, it } from 'vitest';
import { copyableText } from '../../../src/ui/parts/copy-text.ts';

describe('the Copy button copies what the screen shows', () => {
  it('drops direction overrides and isolates that reorder what a pasted command does', () => {
    // Shown as "docker rm web"; the override makes a terminal read the tail reversed.
    expect(copyableText('docker rm \u202ebew\u202c')).toBe('docker rm bew');
    expect(copyableText('\u2066docker\u2069 ps\u200e\u200f\u061c')).toBe('docker ps');
  });

  it('drops terminal escapes and other control characters', () => {
    expect(copyableText('docker ps\u001b[2K\u001b[1Arm -rf /\u0007')).toBe('docker ps[2K[1Arm -rf /');
    expect(copyableText('a\u0000b\u007fc\u0085d')).toBe('abcd');
  });

  it('drops zero-width spaces but keeps tabs, line breaks and all visible text', () => {
    expect(copyableText('dock\u200ber\ufeff ps\u2060')).toBe('docker ps');
    expect(copyableText('docker run \\\n\t-d nginx  # 后台运行 ✓')).toBe('docker run \\\n\t-d nginx  # 后台运行 ✓');
  });
});
