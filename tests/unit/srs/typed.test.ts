import { describe, expect, it } from 'vitest';
import { gradeTypedAnswer, tokenizeCommand, type TypedAnswerResult } from '../../../src/lib/srs/index.ts';
import { composeUp, interactive, publishAll, restartPolicy, saveImage } from './fixtures.ts';

/** "text:status" for each token, e.g. "-p:wrong" — compact to read in assertions. */
const summary = (r: TypedAnswerResult) => r.tokens.map((t) => `${t.text}:${t.status}${t.optional ? '?' : ''}`);

describe('tokenizeCommand', () => {
  it('normalises quotes, dashes, full-width characters, prompts and whitespace', () => {
    expect(tokenizeCommand('$  docker   run  —publish-all   “my app”')).toEqual(['docker', 'run', '--publish-all', 'my app']);
    expect(tokenizeCommand("docker run -e 'A=1 2' nginx")).toEqual(['docker', 'run', '-e', 'A=1 2', 'nginx']);
    expect(tokenizeCommand('docker　run －d nginx')).toEqual(['docker', 'run', '-d', 'nginx']); // IME full-width
    expect(tokenizeCommand('docker run \\\n  -d nginx')).toEqual(['docker', 'run', '-d', 'nginx']);
    expect(tokenizeCommand('echo ""')).toEqual(['echo', '']);
  });
});

describe('gradeTypedAnswer', () => {
  it('accepts the key alone for a flag card, and the example line too', () => {
    expect(gradeTypedAnswer('docker run -P', publishAll)).toMatchObject({ correct: true, perfect: true, proposed: 3 });
    expect(gradeTypedAnswer('docker run -d -P nginx', publishAll)).toMatchObject({ correct: true, perfect: true });
  });

  it('treats flag order as free', () => {
    const r = gradeTypedAnswer('docker run -P -d nginx', publishAll);
    expect(r.correct).toBe(true);
    expect(summary(r)).toEqual(['docker:matched', 'run:matched', '-P:matched', '-d:matched', 'nginx:matched']);
  });

  it('treats -it, -ti and -i -t as the same flags', () => {
    for (const input of ['docker run -it alpine sh', 'docker run -ti alpine sh', 'docker run -i -t alpine sh']) {
      expect(gradeTypedAnswer(input, interactive)).toMatchObject({ correct: true, proposed: 3 });
    }
    const half = gradeTypedAnswer('docker run -i alpine sh', interactive);
    expect(half.proposed).toBe(1);
    expect(half.tokens).toContainEqual({ text: '-t', status: 'missing', role: 'flag' });
  });

  it('accepts the long form the card lists as an alias, and says which flag it is', () => {
    const r = gradeTypedAnswer('docker run --publish-all nginx', publishAll);
    expect(r.correct).toBe(true);
    expect(r.tokens[2]).toEqual({ text: '--publish-all', status: 'matched', role: 'flag', expected: '-P' });
    // Aliases only count where the card says so.
    expect(gradeTypedAnswer('docker run --publish-everything', publishAll).correct).toBe(false);
  });

  it('is case-sensitive for flags: -p is not -P', () => {
    const r = gradeTypedAnswer('docker run -p 8080:80 nginx', publishAll);
    expect(r.proposed).toBe(1);
    expect(r.tokens[2]).toEqual({ text: '-p', status: 'wrong', role: 'flag', expected: '-P' });
  });

  it('forgives a capitalised first word (phone keyboards)', () => {
    expect(gradeTypedAnswer('Docker save -o a.tar img', saveImage)).toMatchObject({ correct: true, perfect: true });
  });

  it('marks a wrong subcommand as wrong, with what was expected', () => {
    const r = gradeTypedAnswer('docker load -o x.tar img', saveImage);
    expect(r.proposed).toBe(1);
    expect(r.tokens[1]).toEqual({ text: 'load', status: 'wrong', role: 'command', expected: 'save' });
  });

  it('lets argument values be anything, but lists the flags the note used as optional when left out', () => {
    const own = gradeTypedAnswer('docker save -o backup.tar myimage:2', saveImage);
    expect(own).toMatchObject({ correct: true, perfect: true });
    const short = gradeTypedAnswer('docker save myimage', saveImage);
    expect(short.correct).toBe(true);
    expect(short.proposed).toBe(3);
    expect(summary(short)).toContain('-o:missing?');
  });

  it('splits --flag=value and -xVALUE', () => {
    expect(gradeTypedAnswer('docker run --restart=unless-stopped redis', restartPolicy).correct).toBe(true);
    expect(summary(gradeTypedAnswer('docker save -oout.tar img', saveImage))).toEqual(['docker:matched', 'save:matched', '-o:matched', 'out.tar:matched', 'img:matched']);
  });

  it('requires a value the key names', () => {
    const r = gradeTypedAnswer('docker run --restart always redis', restartPolicy);
    expect(r.proposed).toBe(1);
    expect(r.tokens).toContainEqual({ text: 'unless-stopped', status: 'missing', role: 'arg' });
  });

  it('finds subcommand words after flags (docker compose -f x up)', () => {
    expect(gradeTypedAnswer('docker compose -f dev.yml up -d', composeUp)).toMatchObject({ correct: true, perfect: true });
    expect(gradeTypedAnswer('docker compose up', composeUp)).toMatchObject({ correct: true, proposed: 3 });
  });

  it('calls a flag the note does not have wrong (it changes what the command does), and names a near miss', () => {
    const extra = gradeTypedAnswer('docker run -P --rm', publishAll);
    expect(extra).toMatchObject({ correct: false, proposed: 1 });
    expect(extra.tokens).toContainEqual({ text: '--rm', status: 'extra', role: 'flag' });
    expect(gradeTypedAnswer('docker run --restar unless-stopped', restartPolicy).tokens).toContainEqual({
      text: '--restar',
      status: 'wrong',
      role: 'flag',
      expected: '--restart',
    });
  });

  it('proposes Easy only for a perfect answer given quickly', () => {
    expect(gradeTypedAnswer('docker run -P', publishAll, { durationMs: 3000 }).proposed).toBe(4);
    expect(gradeTypedAnswer('docker run -P', publishAll, { durationMs: 30_000 }).proposed).toBe(3);
    expect(gradeTypedAnswer('docker run -P --rm', publishAll, { durationMs: 3000 }).proposed).toBe(1); // an extra flag is wrong
  });

  it('proposes Again for an empty answer and shows what was expected', () => {
    const r = gradeTypedAnswer('   ', saveImage);
    expect(r.proposed).toBe(1);
    expect(r.expected).toBe('docker save -o web.tar web:1.0');
    expect(r.tokens.filter((t) => !t.optional).map((t) => t.text)).toEqual(['docker', 'save']);
  });

  it('accepts extra alias pairs from the caller', () => {
    expect(gradeTypedAnswer('docker run --detach -P nginx', publishAll, { aliases: { '--detach': '-d' } }).perfect).toBe(true);
  });
});
