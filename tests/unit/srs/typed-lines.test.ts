import { describe, expect, it } from 'vitest';
import { gradeTypedAnswer, typedFeedbackLines } from '../../../src/lib/srs/index.ts';
import { card, publishAll, restartPolicy } from './fixtures.ts';

const prune = card({ id: 'p', kind: 'command', key: 'docker system prune', command: 'docker system prune' });

describe('typed answers (issue 17)', () => {
  it('call extra flags that change what the command does wrong, one line per flag', () => {
    const r = gradeTypedAnswer('docker system prune -af --volumes', prune);
    expect(r).toMatchObject({ correct: false, proposed: 1 });
    expect(typedFeedbackLines(r, prune)).toEqual([
      { subject: 'docker system prune', status: 'right' },
      { subject: '-a', status: 'extra' },
      { subject: '-f', status: 'extra' },
      { subject: '--volumes', status: 'extra' },
    ]);
  });

  it('accept extra spacing, capitals and flag order', () => {
    expect(gradeTypedAnswer('  Docker   system  prune ', prune)).toMatchObject({ correct: true, perfect: true });
    expect(gradeTypedAnswer('docker run -P -d nginx', publishAll)).toMatchObject({ correct: true });
  });

  it('say right, wrong (with what was expected) and missing per flag', () => {
    expect(typedFeedbackLines(gradeTypedAnswer('docker run -p nginx', publishAll), publishAll)).toEqual([
      { subject: 'docker run', status: 'right' },
      { subject: '-P', status: 'wrong', typed: '-p', expected: '-P' },
    ]);
    expect(typedFeedbackLines(gradeTypedAnswer('docker run nginx', publishAll), publishAll)).toContainEqual({ subject: '-P', status: 'missing' });
    expect(typedFeedbackLines(gradeTypedAnswer('docker run --publish-all nginx', publishAll), publishAll)).toContainEqual({ subject: '-P', status: 'right' });
  });

  it('pair a wrong value with the flag it belongs to', () => {
    const r = gradeTypedAnswer('docker run -d --restart always nginx', restartPolicy);
    expect(r.correct).toBe(false);
    expect(typedFeedbackLines(r, restartPolicy)).toContainEqual({ subject: '--restart', status: 'wrong-value', typed: 'always', expected: 'unless-stopped' });
  });
});
