import { describe, expect, it } from 'vitest';
import { formatInterval } from '../../../src/lib/srs/index.ts';

const MIN = 60_000;
const DAY = 1440 * MIN;

describe('formatInterval', () => {
  it('labels intervals the way the grade buttons show them', () => {
    expect(formatInterval(10 * MIN)).toBe('10m');
    expect(formatInterval(20_000)).toBe('1m'); // never "0m"
    expect(formatInterval(3 * 60 * MIN)).toBe('3h');
    expect(formatInterval(DAY)).toBe('1d');
    expect(formatInterval(4 * DAY)).toBe('4d');
    expect(formatInterval(45 * DAY)).toBe('1.5mo');
    expect(formatInterval(2 * 365 * DAY)).toBe('2y');
  });

  it('speaks Chinese', () => {
    expect(formatInterval(10 * MIN, 'zh')).toBe('10分钟');
    expect(formatInterval(4 * DAY, 'zh')).toBe('4天');
    expect(formatInterval(45 * DAY, 'zh')).toBe('1.5个月');
  });
});
