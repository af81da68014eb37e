/**
 * An explanation has its own shareable URL, and the search page knows a pasted command line
 * when it sees one (without loading the parser).
 */
import { describe, expect, it } from 'vitest';
import { looksLikeCommand } from '../../../src/lib/cli/looks.ts';
import { hrefs, parseRoute } from '../../../src/ui/routes.ts';

describe('/explain?cmd=…', () => {
  it('round-trips a command line with quotes, pipes, ampersands and Chinese', () => {
    for (const cmd of ["docker run -d -p 8080:80 nginx -g 'daemon off;'", 'docker ps -q | xargs docker rm && echo 完成', 'a&b=c#d']) {
      const url = new URL(hrefs.explain(cmd), 'http://x');
      expect(parseRoute(url.pathname, url.search)).toEqual({ name: 'explain', cmd });
    }
    expect(parseRoute('/explain', '')).toEqual({ name: 'explain', cmd: '' });
    expect(hrefs.explain('')).toBe('/explain');
  });
});

describe('what reads as a command line', () => {
  it.each([
    ['docker run -d nginx', true],
    ['  $ docker ps -a', true],
    ['sudo -E docker compose up', true],
    ['docker-compose up -d', true],
    ['DOCKER_HOST=tcp://10.0.0.2:2375 docker info', true],
    ['docker', false],
    ['docker ', false],
    ['-P', false],
    ['run nginx', false],
    ['删除镜像', false],
    ['dockerfile copy', false],
  ])('%s → %s', (q, yes) => {
    expect(looksLikeCommand(q)).toBe(yes);
  });
});
