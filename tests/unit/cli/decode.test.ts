/**
 * Option values decoded into what they say, each decoder over the forms its docs allow and the
 * slips people make — and the same values reached through a whole command line.
 */
import { describe, expect, it } from 'vitest';
import { decodedText } from '../../../src/lib/cli/describe.ts';
import { explainLine } from '../../../src/lib/cli/explain.ts';
import { cat } from './summary.ts';

type Case = [line: string, facts: Record<string, string> | null, invalid?: string];

/** The decoded facts of the first part of the first command whose text contains `needle`. */
function decodedIn(line: string, needle: string) {
  const parts = explainLine(cat, line).docker[0]!.parts;
  return parts.find((p) => p.text.includes(needle) && p.decoded)?.decoded;
}

const CASES: Record<string, [option: string, Case[]]> = {
  publish: ['-p', [
    ['80', { hostPort: '(random)', containerPort: '80', protocol: 'tcp' }],
    ['8080:80', { hostPort: '8080', containerPort: '80', protocol: 'tcp' }],
    ['127.0.0.1:8080:80', { hostIp: '127.0.0.1', hostPort: '8080', containerPort: '80', protocol: 'tcp' }],
    ['127.0.0.1::80', { hostIp: '127.0.0.1', hostPort: '(random)', containerPort: '80', protocol: 'tcp' }],
    ['53:53/udp', { hostPort: '53', containerPort: '53', protocol: 'udp' }],
    ['8000-8010:8000-8010', { hostPort: '8000-8010', containerPort: '8000-8010', protocol: 'tcp' }],
    ['[::1]:8080:80', { hostIp: '::1', hostPort: '8080', containerPort: '80', protocol: 'tcp' }],
    ['8080:80/icmp', { hostPort: '8080', containerPort: '80', protocol: 'icmp' }, 'badPublish'],
    ['0:80', { hostPort: '0', containerPort: '80', protocol: 'tcp' }, 'badPublish'],
  ]],
  volume: ['-v', [
    ['data:/var/lib/data', { type: 'volume', source: 'data', target: '/var/lib/data', readWrite: 'rw' }],
    ['data:/var/lib/data:ro', { type: 'volume', source: 'data', target: '/var/lib/data', readOnly: 'ro' }],
    ['/srv/www:/usr/share/nginx/html:ro,Z', { type: 'bind', source: '/srv/www', target: '/usr/share/nginx/html', readOnly: 'ro', privateLabel: 'Z' }],
    ['$(pwd):/app', { type: 'bind', source: '$(pwd)', target: '/app', readWrite: 'rw' }],
    ['./src:/app/src:z', { type: 'bind', source: './src', target: '/app/src', sharedLabel: 'z', readWrite: 'rw' }],
    ['/data', { type: 'anonymous', target: '/data' }],
    ['vol:/data:nocopy', { type: 'volume', source: 'vol', target: '/data', noCopy: 'nocopy', readWrite: 'rw' }],
    ["'C:\\data:/data'", { type: 'bind', source: 'C:\\data', target: '/data', readWrite: 'rw' }],
    ['data:data', { type: 'volume', source: 'data', target: 'data', readWrite: 'rw' }, 'badTarget'],
    ['data:/data:rx', { type: 'volume', source: 'data', target: '/data', readWrite: 'rw' }, 'badOption'],
  ]],
  mount: ['--mount', [
    ['type=bind,source=/srv,target=/app,readonly', { type: 'bind', source: '/srv', target: '/app', readOnly: 'true' }],
    ['type=volume,src=data,dst=/data', { type: 'volume', source: 'data', target: '/data' }],
    ['source=data,destination=/data,volume-nocopy', { source: 'data', target: '/data', noCopy: '', type: 'volume' }],
    ['type=tmpfs,target=/cache,tmpfs-size=64m,tmpfs-mode=1770', { type: 'tmpfs', target: '/cache', size: '64m', mode: '1770' }],
    ['type=bind,src=/a,dst=/b,bind-propagation=rshared', { type: 'bind', source: '/a', target: '/b', propagation: 'rshared' }],
    ['"type=volume,src=nfs,dst=/n,volume-opt=type=nfs,volume-opt=o=addr=10.0.0.1"', { type: 'volume', source: 'nfs', target: '/n', volumeOpt: 'type=nfs, o=addr=10.0.0.1' }],
    ['type=bind,source=/srv', { type: 'bind', source: '/srv' }, 'noTarget'],
    ['type=disk,target=/x', { type: 'disk', target: '/x' }, 'badType'],
  ]],
  tmpfs: ['--tmpfs', [
    ['/run', { target: '/run' }],
    ['/run:rw,noexec,size=64m', { target: '/run', options: 'rw,noexec,size=64m' }],
  ]],
  restart: ['--restart', [
    ['no', { policy: 'no' }],
    ['always', { policy: 'always' }],
    ['unless-stopped', { policy: 'unless-stopped' }],
    ['on-failure:5', { policy: 'on-failure', maxRetries: '5' }],
    ['always:3', { policy: 'always', maxRetries: '3' }, 'badRestart'],
  ]],
  network: ['--network', [
    ['host', { mode: 'host' }],
    ['none', { mode: 'none' }],
    ['bridge', { mode: 'bridge' }],
    ['container:db', { mode: 'container', container: 'db' }],
    ['backend', { mode: 'userDefined', network: 'backend' }],
  ]],
  env: ['-e', [
    ['TZ=Asia/Shanghai', { name: 'TZ', value: 'Asia/Shanghai' }],
    ['HOME', { name: 'HOME', value: '(from host)' }],
    ['A=', { name: 'A', value: '' }],
  ]],
  envFile: ['--env-file', [['./app.env', { file: './app.env' }]]],
  memory: ['--memory', [
    ['512m', { amount: '512 MiB', bytes: '536870912' }],
    ['1g', { amount: '1 GiB', bytes: '1073741824' }],
    ['1.5g', { amount: '1536 MiB', bytes: '1610612736' }],
    ['1024', { amount: '1 KiB', bytes: '1024' }],
    ['lots', { amount: 'lots' }, 'badBytes'],
  ]],
  cpus: ['--cpus', [['1.5', { cpus: '1.5' }], ['.5', { cpus: '.5' }], ['half', { cpus: 'half' }, 'badNumber']]],
  user: ['-u', [['1000:1000', { user: '1000', group: '1000' }], ['node', { user: 'node' }], ['$(id -u):$(id -g)', { user: '$(id -u)', group: '$(id -g)' }]]],
  addHost: ['--add-host', [
    ['db:10.0.0.5', { host: 'db', ip: '10.0.0.5' }],
    ['host.docker.internal:host-gateway', { host: 'host.docker.internal', ip: 'host-gateway' }],
    ['db=10.0.0.5', { host: 'db', ip: '10.0.0.5' }],
    ['db', { host: 'db' }, 'badAddHost'],
  ]],
  gpus: ['--gpus', [['all', { gpus: 'all' }], ['2', { count: '2' }], ['"device=0,1"', { devices: '0,1' }], ['"device=0,capabilities=compute"', { devices: '0', capabilities: 'compute' }]]],
  platform: ['--platform', [['linux/amd64', { os: 'linux', arch: 'amd64' }], ['linux/arm/v7', { os: 'linux', arch: 'arm', variant: 'v7' }], ['amd64', { os: 'amd64' }, 'badPlatform']]],
  logOpt: ['--log-opt', [['max-size=10m', { key: 'max-size', value: '10m' }]]],
  ulimit: ['--ulimit', [['nofile=1024:2048', { name: 'nofile', soft: '1024', hard: '2048' }], ['nproc=512', { name: 'nproc', soft: '512', hard: '512' }]]],
};

describe('option values decoded through a docker run line', () => {
  for (const [name, [option, cases]] of Object.entries(CASES)) {
    it.each(cases)(`${name}: ${option} %s`, (value, facts, invalid) => {
      const d = decodedIn(`docker run ${option} ${value} alpine`, option);
      expect(d?.facts).toEqual(facts);
      expect(d?.invalid).toBe(invalid);
    });
  }
});

describe('image references', () => {
  it.each([
    ['nginx', { registry: 'docker.io', repository: 'library/nginx', name: 'nginx', tag: 'latest' }],
    ['nginx:1.27-alpine', { registry: 'docker.io', repository: 'library/nginx', name: 'nginx', tag: '1.27-alpine' }],
    ['bitnami/redis:7.2', { registry: 'docker.io', repository: 'bitnami/redis', name: 'bitnami/redis', tag: '7.2' }],
    ['ghcr.io/owner/app:v1', { registry: 'ghcr.io', repository: 'owner/app', name: 'owner/app', tag: 'v1' }],
    ['localhost:5000/app', { registry: 'localhost:5000', repository: 'app', name: 'app', tag: 'latest' }],
    ['registry.example.com:5000/team/app:2.0', { registry: 'registry.example.com:5000', repository: 'team/app', name: 'team/app', tag: '2.0' }],
    ['alpine@sha256:abcd', { registry: 'docker.io', repository: 'library/alpine', name: 'alpine', digest: 'sha256:abcd' }],
    ['alpine:3.20@sha256:abcd', { registry: 'docker.io', repository: 'library/alpine', name: 'alpine', tag: '3.20', digest: 'sha256:abcd' }],
  ])('%s', (image, facts) => {
    const d = decodedIn(`docker pull ${image}`, image.slice(0, 3));
    expect(d?.facts).toEqual(facts);
    expect(d?.invalid).toBeUndefined();
  });

  it('says an upper-case name is not an image name', () => {
    expect(decodedIn('docker run MyApp', 'MyApp')?.invalid).toBe('badImage');
  });
});

describe('decoded values in words', () => {
  it('reads a publish in both languages, in the order the value is written', () => {
    const d = decodedIn('docker run -p 127.0.0.1:8080:80 nginx', '-p')!;
    expect(decodedText(d, 'en')).toBe('host address 127.0.0.1 · host port 8080 · container port 80 · protocol tcp');
    expect(decodedText(d, 'zh')).toBe('宿主机地址 127.0.0.1，宿主机端口 8080，容器端口 80，协议 tcp');
  });

  it('names a read-only named volume as such', () => {
    const d = decodedIn('docker run -v data:/var/lib/data:ro nginx', '-v')!;
    expect(decodedText(d, 'en')).toBe('type named volume · source data · mounted at /var/lib/data · read-only');
  });
});

describe('publish, swarm long form', () => {
  it('reads published=,target=,mode=,protocol= and refuses unknown keys', async () => {
    const { decodePublish } = await import('../../../src/lib/cli/decode.ts');
    expect(decodePublish('published=80,target=8080,mode=host').facts).toEqual({ hostPort: '80', containerPort: '8080', protocol: 'tcp', publishMode: 'host' });
    expect(decodePublish('target=53,protocol=udp').invalid).toBeUndefined();
    expect(decodePublish('published=80,target=80,mode=nodes').invalid).toBe('badPublish');
    expect(decodePublish('published=80,port=80').invalid).toBe('badPublish');
  });
});

describe('docker build is BuildKit', () => {
  it("takes buildx build's options (--secret, --ssh, -o) besides the legacy builder's", async () => {
    const { commandNamed, takesFlag } = await import('../../../src/lib/cli/catalogue.ts');
    const { cat } = await import('./summary.ts');
    const build = commandNamed(cat, ['docker', 'build'])!;
    for (const f of ['--secret', '--ssh', '-o', '-t', '--build-arg']) expect(takesFlag(cat, build, f)).toBe(true);
    expect(takesFlag(cat, build, '--no-such-flag')).toBe(false);
  });
});
