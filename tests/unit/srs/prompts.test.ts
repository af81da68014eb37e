import { describe, expect, it } from 'vitest';
import { applicablePromptTypes, buildPrompt, choosePromptType, DEFAULT_SETTINGS, type Schedule } from '../../../src/lib/srs/index.ts';
import { card, fromInstruction, publishAll, saveImage, saveVsExport } from './fixtures.ts';

const withReps = (reps: number): Schedule => ({ cardId: 'x', state: 'review', due: 0, stability: 1, difficulty: 5, scheduledDays: 1, learningSteps: 0, reps, lapses: 0, lastReview: 0 });

describe('question types', () => {
  it('fit the kind of card', () => {
    expect(applicablePromptTypes(publishAll)).toEqual(expect.arrayContaining(['flag-meaning', 'command-from-meaning', 'typed-command']));
    expect(applicablePromptTypes(publishAll)).not.toContain('confusable');
    expect(applicablePromptTypes(saveVsExport)).toContain('confusable');
    expect(applicablePromptTypes(saveImage)).not.toContain('flag-meaning');
    expect(applicablePromptTypes(fromInstruction)).toEqual(['meaning-from-command']);
  });

  it('needs both sides described to ask a confusable pair', () => {
    const oneSided = card({ id: 'c', kind: 'compare', key: 'a | b', items: ['a', 'b'], sides: { en: ['does a', ''] } });
    expect(applicablePromptTypes(oneSided)).not.toContain('confusable');
  });

  it('rotate with the review count, and follow the settings per kind', () => {
    const seen = [0, 1, 2, 3].map((r) => choosePromptType(publishAll, r ? withReps(r) : null, DEFAULT_SETTINGS));
    expect(new Set(seen).size).toBe(3);
    expect(seen[0]).toBe(seen[3]);
    const onlyTyped = { promptTypes: { flag: ['typed-command' as const] } };
    expect([0, 1, 2].map((r) => choosePromptType(publishAll, withReps(r), onlyTyped))).toEqual(['typed-command', 'typed-command', 'typed-command']);
    // A setting the card cannot satisfy falls back to what it can do.
    expect(choosePromptType(fromInstruction, null, { promptTypes: { concept: ['typed-command'] } })).toBe('meaning-from-command');
  });
});

describe('buildPrompt', () => {
  it('asks for the command from its meaning without giving the answer away', () => {
    const p = buildPrompt(card({ id: 'rmi', kind: 'command', key: 'docker rmi', command: 'docker rmi old:1', text: { en: { title: 'Remove an image with docker rmi', body: '' } } }), 'command-from-meaning', 'en');
    expect(p.front.text).toBe('Remove an image with ___');
    expect(p.back).toEqual({ title: 'Remove an image with docker rmi', body: '', code: 'docker rmi old:1' });
  });

  it('shows the flag for a flag-meaning question and the meaning on the back', () => {
    const p = buildPrompt(publishAll, 'flag-meaning', 'zh');
    expect(p.lang).toBe('zh');
    expect(p.front.code).toBe('docker run -P');
    expect(p.back.title).toBe('发布所有暴露的端口');
  });

  it('falls back to a language the card has', () => {
    expect(buildPrompt(fromInstruction, 'meaning-from-command', 'zh').lang).toBe('en');
  });

  it('describes one side of a compare card and offers the items, alternating sides', () => {
    const a = buildPrompt(saveVsExport, 'confusable', 'en', 0);
    expect(a.front.text).toBe('Archives an image with all of its layers and history');
    expect(a.choices).toEqual([
      { label: 'docker save', correct: true },
      { label: 'docker export', correct: false },
    ]);
    const b = buildPrompt(saveVsExport, 'confusable', 'zh', 1);
    expect(b.front.text).toBe('导出容器文件系统，压成一层');
    expect(b.choices?.find((c) => c.correct)?.label).toBe('docker export');
  });

  it('masks an item named inside its own description', () => {
    const leaky = card({ id: 'l', kind: 'compare', key: 'docker save | docker export', items: ['docker save', 'docker export'], sides: { en: ['Saves layers', 'Exports files'] } });
    expect(buildPrompt(leaky, 'confusable', 'en', 0).front.text).toBe('___ layers');
  });

  it('carries the expected line for a typed answer', () => {
    const p = buildPrompt(saveImage, 'typed-command', 'en');
    expect(p.typed).toEqual({ expected: 'docker save -o web.tar web:1.0' });
    expect(p.front.text).toBe('Write an image to a tar archive');
  });
});

describe('recall questions never ask a blank the prompt cannot settle (issue 17)', () => {
  const version = card({
    id: 'v',
    kind: 'command',
    key: 'docker version',
    command: 'docker version',
    text: { en: { title: 'docker version: client and server versions', body: 'Lists both versions.' }, zh: { title: 'docker version：查看客户端和服务端版本', body: '' } },
  });

  it('drops the "docker version:" label and leaves the words that tell version from info', () => {
    expect(buildPrompt(version, 'typed-command', 'en').front).toEqual({ text: 'client and server versions' });
    expect(buildPrompt(version, 'command-from-meaning', 'zh').front).toEqual({ text: '查看客户端和服务端版本' });
  });

  it('names the command a flag belongs to, so "include stopped containers" is docker compose ps, not docker ps', () => {
    const all = card({ id: 'a', kind: 'flag', key: 'docker compose ps -a', flag: '-a', text: { en: { title: 'Include stopped service containers', body: '' } } });
    expect(buildPrompt(all, 'typed-command', 'en').front).toEqual({ text: 'Include stopped service containers', code: 'docker compose ps ___' });
  });

  it('uses the body when the title is only the command, and asks the other way when nothing is left', () => {
    const bare = card({ id: 'b', kind: 'command', key: 'docker ps', text: { en: { title: 'docker ps', body: 'Lists running containers. More text.' } } });
    expect(buildPrompt(bare, 'command-from-meaning', 'en').front.text).toBe('Lists running containers.');
    const empty = card({ id: 'e', kind: 'command', key: 'docker ps', text: { en: { title: 'docker ps', body: '' } } });
    const p = buildPrompt(empty, 'typed-command', 'en');
    expect(p.type).toBe('meaning-from-command');
    expect(p.typed).toBeUndefined();
  });
});
