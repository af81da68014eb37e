import { describe, expect, it } from 'vitest';
import { checkSettings, DEFAULT_SETTINGS, normalizeSettings } from '../../../src/lib/srs/index.ts';

describe('settings', () => {
  it('defaults to FSRS-friendly values', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ desiredRetention: 0.9, newPerDay: 20, fuzz: true, dayStartHour: 4 });
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS.learningSteps)).toBe(true);
  });

  it('fills missing fields and keeps valid ones', () => {
    const s = normalizeSettings({ newPerDay: 5, learningSteps: ['2m', '1h'] });
    expect(s.newPerDay).toBe(5);
    expect(s.learningSteps).toEqual(['2m', '1h']);
    expect(s.reviewsPerDay).toBe(DEFAULT_SETTINGS.reviewsPerDay);
  });

  it('reports and replaces invalid fields', () => {
    const { settings, issues } = checkSettings({ desiredRetention: 1.5, dayStartHour: 25, learningSteps: ['soon'], promptTypes: { flag: ['guess'] }, extra: 1 });
    expect(issues.map((i) => i.path).sort()).toEqual(['dayStartHour', 'desiredRetention', 'learningSteps', 'promptTypes']);
    expect(settings.desiredRetention).toBe(0.9);
    expect(settings.dayStartHour).toBe(4);
    expect(normalizeSettings('garbage')).toEqual(normalizeSettings(undefined));
  });

  it('never shares arrays with the frozen defaults', () => {
    const s = normalizeSettings({});
    s.learningSteps.push('1d');
    expect(DEFAULT_SETTINGS.learningSteps).toEqual(['1m', '10m']);
  });
});
