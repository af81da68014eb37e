/**
 * Command lines as people paste them, and what each must parse to: which Docker command, which
 * parts, which mistakes. One row per rule of the parser (short-flag bundles, `=` values, the
 * end of options at the image, `--`, quoting, continuations, sudo, chains, substitutions,
 * aliases, compose, global options) and per mistake it reports.
 */
import { describe, expect, it } from 'vitest';
import { explainLine } from '../../../src/lib/cli/explain.ts';
import { cat, summarise } from './summary.ts';

type Row = [line: string, ...commands: [command: string, parts: string[]][]];

const TABLE: Row[] = [
  // The example, part by part.
  [
    "docker run -d --name web -p 127.0.0.1:8080:80 -v data:/var/lib/data:ro --restart unless-stopped nginx:1.27 nginx -g 'daemon off;'",
    ['docker container run', ['docker', 'run', '-d', '--name=web', '-p=127.0.0.1:8080:80', '-v=data:/var/lib/data:ro', '--restart=unless-stopped', 'IMAGE:nginx:1.27', '$ nginx -g daemon off;']],
  ],
  // Short flags: bundles, attached values, a value-taking flag ending a bundle.
  ['docker run -itd ubuntu', ['docker container run', ['docker', 'run', '-i', '-t', '-d', 'IMAGE:ubuntu']]],
  ['docker run -p8080:80 nginx', ['docker container run', ['docker', 'run', '-p=8080:80', 'IMAGE:nginx']]],
  ['docker run -itp 80:80 nginx', ['docker container run', ['docker', 'run', '-i', '-t', '-p=80:80', 'IMAGE:nginx']]],
  ['docker run -dp8080:80 nginx', ['docker container run', ['docker', 'run', '-d', '-p=8080:80', 'IMAGE:nginx']]],
  ['docker run -e=A=1 alpine', ['docker container run', ['docker', 'run', '-e=A=1', 'IMAGE:alpine']]],
  ['docker ps -aq', ['docker container ls', ['docker', 'ps', '-a', '-q']]],
  ['docker ps -a -q', ['docker container ls', ['docker', 'ps', '-a', '-q']]],
  // Long flags: = and space, booleans with =, repeated flags.
  ['docker run --name=web nginx', ['docker container run', ['docker', 'run', '--name=web', 'IMAGE:nginx']]],
  ['docker run --rm=false nginx', ['docker container run', ['docker', 'run', '--rm=false', 'IMAGE:nginx']]],
  ['docker run -e A=1 -e B=2 --env C=3 alpine env', ['docker container run', ['docker', 'run', '-e=A=1', '-e=B=2', '--env=C=3', 'IMAGE:alpine', '$ env']]],
  ['docker run -p 80:80 -p 443:443 nginx', ['docker container run', ['docker', 'run', '-p=80:80', '-p=443:443', 'IMAGE:nginx']]],
  // A value that starts with a dash is still the value.
  ['docker run --memory-swap -1 -m 512m alpine', ['docker container run', ['docker', 'run', '--memory-swap=-1', '-m=512m', 'IMAGE:alpine']]],
  // Options end at the image: later flags are the container's.
  ['docker run --rm alpine ls -la /', ['docker container run', ['docker', 'run', '--rm', 'IMAGE:alpine', '$ ls -la /']]],
  ['docker run alpine --rm', ['docker container run', ['docker', 'run', 'IMAGE:alpine', '$ --rm']]],
  ['docker exec -it web sh -c "echo $HOME"', ['docker container exec', ['docker', 'exec', '-i', '-t', 'CONTAINER:web', '$ sh -c echo $HOME']]],
  ['docker exec -u root web id', ['docker container exec', ['docker', 'exec', '-u=root', 'CONTAINER:web', '$ id']]],
  // Commands that do not stop at an argument accept flags after it, as the CLI does.
  ['docker rm web -f', ['docker container rm', ['docker', 'rm', 'CONTAINER:web', '-f']]],
  ['docker logs web -f --tail 100', ['docker container logs', ['docker', 'logs', 'CONTAINER:web', '-f', '--tail=100']]],
  // -- ends the options.
  ['docker rm -- -weird', ['docker container rm', ['docker', 'rm', '--', 'CONTAINER:-weird']]],
  // Quoting and escapes.
  ["docker run -e 'MSG=hello world' alpine", ['docker container run', ['docker', 'run', '-e=MSG=hello world', 'IMAGE:alpine']]],
  ['docker run -e MSG="a \\"b\\"" alpine', ['docker container run', ['docker', 'run', '-e=MSG=a "b"', 'IMAGE:alpine']]],
  ['docker run -v my\\ data:/data alpine', ['docker container run', ['docker', 'run', '-v=my data:/data', 'IMAGE:alpine']]],
  ['docker run -e “A=1” alpine', ['docker container run', ['docker', 'run', '-e=A=1', 'IMAGE:alpine']]],
  // Continuations, prompts, comments.
  ['docker run -d \\\n  --name web \\\n  nginx', ['docker container run', ['docker', 'run', '-d', '--name=web', 'IMAGE:nginx']]],
  ['$ docker ps -a', ['docker container ls', ['docker', 'ps', '-a']]],
  ['docker ps -a # every container', ['docker container ls', ['docker', 'ps', '-a']]],
  // Wrappers.
  ['sudo docker ps', ['docker container ls', ['docker', 'ps']]],
  ['sudo -E docker compose up -d', ['docker compose up', ['docker', 'compose', 'up', '-d']]],
  ['sudo -u deploy docker ps', ['docker container ls', ['docker', 'ps']]],
  ['DOCKER_HOST=tcp://10.0.0.2:2375 docker info', ['docker system info', ['docker', 'info']]],
  ['time docker build -t app .', ['docker image build', ['docker', 'build', '-t=app', 'PATH|URL|-:.']]],
  ['/usr/bin/docker ps', ['docker container ls', ['/usr/bin/docker', 'ps']]],
  // Chains: every Docker command in the line.
  ['docker stop web && docker rm web', ['docker container stop', ['docker', 'stop', 'CONTAINER:web']], ['docker container rm', ['docker', 'rm', 'CONTAINER:web']]],
  ['docker pull nginx; docker images', ['docker image pull', ['docker', 'pull', 'NAME:nginx']], ['docker image ls', ['docker', 'images']]],
  ['docker ps -q | xargs docker stop', ['docker container ls', ['docker', 'ps', '-q']], ['docker container stop', ['docker', 'stop']]],
  ['docker ps -q | xargs -r docker rm -f', ['docker container ls', ['docker', 'ps', '-q']], ['docker container rm', ['docker', 'rm', '-f']]],
  ['docker images || docker info', ['docker image ls', ['docker', 'images']], ['docker system info', ['docker', 'info']]],
  ['docker logs web 2>&1 | grep error', ['docker container logs', ['docker', 'logs', 'CONTAINER:web']]],
  ['docker save -o app.tar app:1.0 && gzip app.tar', ['docker image save', ['docker', 'save', '-o=app.tar', 'IMAGE:app:1.0']]],
  ['docker save app > app.tar', ['docker image save', ['docker', 'save', 'IMAGE:app']]],
  ['docker load < app.tar', ['docker image load', ['docker', 'load']]],
  // Substitutions: the inner command is explained after its host.
  ['docker rm -f $(docker ps -aq)', ['docker container rm', ['docker', 'rm', '-f', 'CONTAINER:$(docker ps -aq)']], ['docker container ls', ['docker', 'ps', '-a', '-q']]],
  ['docker stop `docker ps -q`', ['docker container stop', ['docker', 'stop', 'CONTAINER:`docker ps -q`']], ['docker container ls', ['docker', 'ps', '-q']]],
  ['docker rmi "$(docker images -q -f dangling=true)"', ['docker image rm', ['docker', 'rmi', 'IMAGE:$(docker images -q -f dangling=true)']], ['docker image ls', ['docker', 'images', '-q', '-f=dangling=true']]],
  // Aliases and management forms are the same command.
  ['docker container run nginx', ['docker container run', ['docker', 'container', 'run', 'IMAGE:nginx']]],
  ['docker container ls -a', ['docker container ls', ['docker', 'container', 'ls', '-a']]],
  ['docker container list', ['docker container ls', ['docker', 'container', 'list']]],
  ['docker image rm nginx', ['docker image rm', ['docker', 'image', 'rm', 'IMAGE:nginx']]],
  ['docker rmi nginx', ['docker image rm', ['docker', 'rmi', 'IMAGE:nginx']]],
  ['docker image ls', ['docker image ls', ['docker', 'image', 'ls']]],
  ['docker volume create data', ['docker volume create', ['docker', 'volume', 'create', 'VOLUME:data']]],
  ['docker network connect mynet web', ['docker network connect', ['docker', 'network', 'connect', 'NETWORK:mynet', 'CONTAINER:web']]],
  ['docker system prune -af --volumes', ['docker system prune', ['docker', 'system', 'prune', '-a', '-f', '--volumes']]],
  ['docker builder prune -f', ['docker builder prune', ['docker', 'builder', 'prune', '-f']]],
  ['docker context use prod', ['docker context use', ['docker', 'context', 'use', 'CONTEXT:prod']]],
  ['docker swarm init --advertise-addr 10.0.0.1', ['docker swarm init', ['docker', 'swarm', 'init', '--advertise-addr=10.0.0.1']]],
  ['docker service create --name web --replicas 3 -p 80:80 nginx', ['docker service create', ['docker', 'service', 'create', '--name=web', '--replicas=3', '-p=80:80', 'IMAGE:nginx']]],
  ['docker tag app:1.0 registry.example.com/team/app:1.0', ['docker image tag', ['docker', 'tag', 'SOURCE_IMAGE:app:1.0', 'TARGET_IMAGE:registry.example.com/team/app:1.0']]],
  // Global options before the subcommand.
  ['docker -H tcp://10.0.0.2:2375 ps', ['docker container ls', ['docker', '-H=tcp://10.0.0.2:2375', 'ps']]],
  ['docker --context prod ps', ['docker container ls', ['docker', '--context=prod', 'ps']]],
  ['docker -c prod --log-level debug images', ['docker image ls', ['docker', '-c=prod', '--log-level=debug', 'images']]],
  // Compose, both spellings, its own options before the subcommand and its run/exec.
  ['docker compose up -d --build', ['docker compose up', ['docker', 'compose', 'up', '-d', '--build']]],
  ['docker-compose up -d', ['docker compose up', ['docker-compose', 'up', '-d']]],
  ['docker compose -f prod.yml -p shop up -d web', ['docker compose up', ['docker', 'compose', '-f=prod.yml', '-p=shop', 'up', '-d', 'SERVICE:web']]],
  ['docker compose run --rm web python manage.py migrate', ['docker compose run', ['docker', 'compose', 'run', '--rm', 'SERVICE:web', '$ python manage.py migrate']]],
  ['docker compose exec db psql -U postgres', ['docker compose exec', ['docker', 'compose', 'exec', 'SERVICE:db', '$ psql -U postgres']]],
  ['docker compose logs -f --tail 50 web', ['docker compose logs', ['docker', 'compose', 'logs', '-f', '--tail=50', 'SERVICE:web']]],
  ['docker compose down -v --remove-orphans', ['docker compose down', ['docker', 'compose', 'down', '-v', '--remove-orphans']]],
  ['docker compose up --dry-run', ['docker compose up', ['docker', 'compose', 'up', '--dry-run']]],
  // Buildx from its reference.
  ['docker buildx build --platform linux/amd64,linux/arm64 -t app --push .', ['docker buildx build', ['docker', 'buildx', 'build', '--platform=linux/amd64,linux/arm64', '-t=app', '--push', 'PATH|URL|-:.']]],
  // Mistakes, each said on its part with the fix.
  ['docker ps -it', ['docker container ls', ['docker', 'ps', '-i !unknown-flag', '-t !unknown-flag']]],
  ['docker run --detatch nginx', ['docker container run', ['docker', 'run', '--detatch !near-miss>--detach', 'IMAGE:nginx']]],
  ['docker run --restrat always nginx', ['docker container run', ['docker', 'run', '--restrat !near-miss>--restart', 'IMAGE:always', '$ nginx']]],
  ['docker run --name', ['docker container run', ['docker', 'run', '--name !missing-value']]],
  ['docker run -p', ['docker container run', ['docker', 'run', '-p !missing-value']]],
  ['docker run –rm nginx', ['docker container run', ['docker', 'run', '--rm !typographic-dash>--rm', 'IMAGE:nginx']]],
  ['docker run —detach nginx', ['docker container run', ['docker', 'run', '--detach !typographic-dash>--detach', 'IMAGE:nginx']]],
  ['docker ps −a', ['docker container ls', ['docker', 'ps', '-a !typographic-dash>-a']]],
  ['docker run -d --link db:db app', ['docker container run', ['docker', 'run', '-d', '--link=db:db !deprecated>--network', 'IMAGE:app']]],
  ['docker run -P 8080:80 nginx', ['docker container run', ['docker', 'run', '-P=8080:80 !flag-case>-p', 'IMAGE:nginx']]],
  ['docker run -P nginx', ['docker container run', ['docker', 'run', '-P', 'IMAGE:nginx']]],
  ['docker run -p nginx', ['docker container run', ['docker', 'run', '-p=nginx !bad-value !flag-case>-P']]],
  ['docker ps -A', ['docker container ls', ['docker', 'ps', '-A !flag-case>-a']]],
  ['docker rnu nginx', ['docker', ['docker', 'rnu !unknown-command>run']]],
  ['docker volume lss', ['docker volume', ['docker', 'volume', 'lss !unknown-command>ls']]],
  ['docker run -p 99999:80 nginx', ['docker container run', ['docker', 'run', '-p=99999:80 !bad-value', 'IMAGE:nginx']]],
  ['docker run -p web:80 nginx', ['docker container run', ['docker', 'run', '-p=web:80 !bad-value', 'IMAGE:nginx']]],
  ['docker run --restart sometimes nginx', ['docker container run', ['docker', 'run', '--restart=sometimes !bad-value', 'IMAGE:nginx']]],
  ['docker run -v data:data nginx', ['docker container run', ['docker', 'run', '-v=data:data !bad-value', 'IMAGE:nginx']]],
  ['docker run Nginx', ['docker container run', ['docker', 'run', 'IMAGE:Nginx !bad-value']]],
  // Hidden spellings the CLI still accepts.
  ['docker run --net host nginx', ['docker container run', ['docker', 'run', '--net=host', 'IMAGE:nginx']]],
];

describe('command lines parse into the parts the CLI would see', () => {
  it.each(TABLE)('%s', (line, ...expected) => {
    const got = explainLine(cat, line).docker.map((c) => [c.command, c.parts.map(summarise)]);
    expect(got).toEqual(expected);
  });
});

describe('what is not Docker is named, not explained', () => {
  it('names the other programs in a chain and the wrappers in front', () => {
    const e = explainLine(cat, 'sudo -E docker logs web | grep -i error | tail -n 5');
    expect(e.others.map((o) => o.program)).toEqual(['grep', 'tail']);
    expect(e.wrappers).toEqual(['sudo -E']);
  });

  it('finds no Docker command in a line without one', () => {
    expect(explainLine(cat, 'ls -la && echo docker').docker).toEqual([]);
  });

  it('an unclosed quote runs to the end instead of failing', () => {
    const e = explainLine(cat, "docker run -e 'A=1 alpine");
    expect(e.docker[0]!.parts.map(summarise)).toEqual(['docker', 'run', '-e=A=1 alpine']);
  });
});
