import { describe, expect, it } from 'vitest';
import { studyCalendar } from '../../../src/lib/srs/index.ts';

const at = (s: string) => Date.parse(s);

describe('study calendar', () => {
  const shanghai = studyCalendar(4, 480); // UTC+8, day starts 04:00

  it('counts the small hours for the previous day', () => {
    const evening = shanghai.dayOf(at('2025-03-10T12:00:00Z')); // 20:00 local, Mar 10
    const smallHours = shanghai.dayOf(at('2025-03-10T19:59:59Z')); // 03:59 local, Mar 11
    const morning = shanghai.dayOf(at('2025-03-10T20:00:00Z')); // 04:00 local, Mar 11
    expect(smallHours).toBe(evening);
    expect(morning).toBe(evening + 1);
    expect(shanghai.key(evening)).toBe('2025-03-10');
    expect(shanghai.key(morning)).toBe('2025-03-11');
  });

  it('starts a study day at the rollover hour, local time', () => {
    const day = shanghai.dayOf(at('2025-03-10T12:00:00Z'));
    expect(new Date(shanghai.startOf(day)).toISOString()).toBe('2025-03-09T20:00:00.000Z'); // 04:00 local Mar 10
    const midnight = studyCalendar(0, 0);
    expect(new Date(midnight.startOf(midnight.dayOf(at('2025-03-10T23:59:00Z')))).toISOString()).toBe('2025-03-10T00:00:00.000Z');
  });

  it('follows a daylight-saving switch when the offset is a function', () => {
    // New York: UTC-5 until 2025-03-09 07:00Z, then UTC-4.
    const switchAt = at('2025-03-09T07:00:00Z');
    const ny = studyCalendar(4, (ms) => (ms < switchAt ? -300 : -240));
    const sunday = ny.dayOf(at('2025-03-09T15:00:00Z'));
    expect(ny.key(sunday)).toBe('2025-03-09');
    expect(new Date(ny.startOf(sunday)).toISOString()).toBe('2025-03-09T08:00:00.000Z'); // 04:00 EDT
    expect(new Date(ny.startOf(sunday - 1)).toISOString()).toBe('2025-03-08T09:00:00.000Z'); // 04:00 EST
  });

  it("uses the runtime's local zone by default", () => {
    const local = studyCalendar(4);
    for (const ms of [at('2025-01-15T02:30:00Z'), at('2025-07-01T21:10:00Z'), at('2025-03-30T01:00:00Z')]) {
      const d = new Date(ms - 4 * 3_600_000); // local date of (time − 4 h)
      const expected = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      expect(local.key(local.dayOf(ms))).toBe(expected);
    }
  });

  it('knows the weekday of a study day', () => {
    const utc = studyCalendar(0, 0);
    expect(utc.weekday(utc.dayOf(at('2025-03-10T10:00:00Z')))).toBe(1); // a Monday
    expect(utc.weekday(utc.dayOf(at('2025-03-09T10:00:00Z')))).toBe(0); // a Sunday
  });
});
