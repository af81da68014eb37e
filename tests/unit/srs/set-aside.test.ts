import { describe, expect, it } from 'vitest';
import { bury, normalizeSettings, putBack, setAsideState, studyMore, suspend, type SrsSettings } from '../../../src/lib/srs/index.ts';

const TODAY = 20_000;
const apply = (s: SrsSettings, patch: Partial<SrsSettings>): SrsSettings => normalizeSettings({ ...s, ...patch });

describe('setting cards aside', () => {
  it('suspends until put back, once however often asked', () => {
    let s = normalizeSettings({});
    s = apply(s, suspend(s, 'a'));
    s = apply(s, suspend(s, 'a'));
    expect(s.suspended).toEqual(['a']);
    expect(setAsideState(s, 'a', TODAY)).toBe('suspended');
    s = apply(s, putBack(s, 'a'));
    expect(setAsideState(s, 'a', TODAY)).toBeNull();
  });

  it('buries for the rest of the study day only, dropping earlier days’ burials', () => {
    let s = apply(normalizeSettings({}), { buried: { old: TODAY - 1 } });
    s = apply(s, bury(s, 'a', TODAY));
    expect(s.buried).toEqual({ a: TODAY });
    expect(setAsideState(s, 'a', TODAY)).toBe('buried');
    expect(setAsideState(s, 'a', TODAY + 1)).toBeNull();
  });

  it('"study more" adds to what today’s limit already let through, and resets on another day', () => {
    const s = normalizeSettings({ newPerDay: 5 });
    // 7 new cards studied today (2 over the limit from an earlier "more"): 10 more → 12 extra.
    expect(studyMore(s, { newCards: 10 }, TODAY, 7).studyMore).toEqual({ day: TODAY, newCards: 12, aheadDays: 0 });
    const ahead = apply(s, studyMore(s, { aheadDays: 3 }, TODAY, 0));
    expect(studyMore(ahead, { aheadDays: 1 }, TODAY, 0).studyMore).toEqual({ day: TODAY, newCards: 0, aheadDays: 3 });
    expect(studyMore(ahead, {}, TODAY + 1, 0).studyMore).toEqual({ day: TODAY + 1, newCards: 0, aheadDays: 0 });
  });
});
