/**
 * Decoders for the option values people get wrong: what `127.0.0.1:8080:80`, `data:/x:ro` or
 * `on-failure:3` actually says. Each returns plain facts (label key → value, in reading order);
 * describe.ts words them in zh and en. A value that cannot be read says so in `invalid`.
 */

export interface Decoded {
  kind: string;
  facts: Record<string, string>;
  /** Why the value is not what the option expects (a fact key from describe.ts's labels). */
  invalid?: string;
}

const d = (kind: string, facts: Record<string, string>, invalid?: string): Decoded =>
  invalid ? { kind, facts, invalid } : { kind, facts };

const PORT = /^\d{1,5}(-\d{1,5})?$/;
const validPort = (p: string) => PORT.test(p) && p.split('-').every((n) => Number(n) >= 1 && Number(n) <= 65535);

/** -p/--publish: [ip:][hostPort:]containerPort[/proto], ranges, [::1] IPv6 hosts; swarm's published=,target=,… form. */
export function decodePublish(v: string): Decoded {
  if (v.includes('=')) return decodePublishFields(v);
  const facts: Record<string, string> = {};
  let rest = v;
  let protocol = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash !== -1) {
    protocol = rest.slice(slash + 1);
    rest = rest.slice(0, slash);
  }
  let ip = '';
  const v6 = /^\[([^\]]*)\]:(.*)$/.exec(rest);
  if (v6) {
    ip = v6[1]!;
    rest = v6[2]!;
  }
  const parts = rest.split(':');
  if (!v6 && parts.length === 3) ip = parts.shift()!;
  if (ip) facts.hostIp = ip;
  const container = parts.pop() ?? '';
  const host = parts.length ? parts.pop()! : '';
  if (host) facts.hostPort = host;
  else facts.hostPort = '(random)';
  facts.containerPort = container;
  facts.protocol = protocol;
  const bad = parts.length > 0 || !validPort(container) || (host !== '' && !validPort(host)) || !/^(tcp|udp|sctp)$/.test(protocol);
  return d('publish', facts, bad ? 'badPublish' : undefined);
}

/** `docker service create --publish published=80,target=80,mode=host,protocol=udp`. */
function decodePublishFields(v: string): Decoded {
  const facts: Record<string, string> = { hostPort: '(random)', protocol: 'tcp' };
  let bad = false;
  for (const pair of v.split(',')) {
    const [k = '', val = ''] = pair.split('=');
    if (k === 'published') facts.hostPort = val;
    else if (k === 'target') facts.containerPort = val;
    else if (k === 'protocol') facts.protocol = val;
    else if (k === 'mode') facts.publishMode = val;
    else bad = true;
  }
  bad ||= !facts.containerPort || !validPort(facts.containerPort) || (facts.hostPort !== '(random)' && !validPort(facts.hostPort ?? ''));
  bad ||= !/^(tcp|udp|sctp)$/.test(facts.protocol!) || (facts.publishMode !== undefined && !/^(ingress|host)$/.test(facts.publishMode));
  return d('publish', facts, bad ? 'badPublish' : undefined);
}

const VOLUME_MODES: Record<string, string> = {
  ro: 'readOnly', rw: 'readWrite', z: 'sharedLabel', Z: 'privateLabel', nocopy: 'noCopy',
  consistent: 'consistency', cached: 'consistency', delegated: 'consistency',
  rprivate: 'propagation', private: 'propagation', rshared: 'propagation', shared: 'propagation', rslave: 'propagation', slave: 'propagation',
};

/** -v/--volume: named, anonymous or bind, with ro/rw, z/Z, nocopy. */
export function decodeVolume(v: string): Decoded {
  // A Windows drive letter ("C:\data") is part of the path, not a separator.
  const drive = /^[A-Za-z]:[\\/]/.test(v) ? v.slice(0, 2) : '';
  const parts = v.slice(drive.length).split(':');
  parts[0] = drive + parts[0];
  const facts: Record<string, string> = {};
  if (parts.length === 1) {
    facts.type = 'anonymous';
    facts.target = parts[0]!;
    return d('volume', facts, parts[0]!.startsWith('/') ? undefined : 'badTarget');
  }
  const [src, target, opts] = parts as [string, string, string | undefined];
  const bind = /^(\/|\.|~|\$|[A-Za-z]:[\\/])/.test(src);
  facts.type = bind ? 'bind' : 'volume';
  facts.source = src;
  facts.target = target;
  let invalid: string | undefined = target.startsWith('/') || /^[A-Za-z]:[\\/]/.test(target) ? undefined : 'badTarget';
  for (const o of (opts ?? '').split(',').filter(Boolean)) {
    const key = VOLUME_MODES[o];
    if (key) facts[key] = o;
    else invalid = 'badOption';
  }
  if (!facts.readOnly) facts.readWrite ??= 'rw';
  if (parts.length > 3) invalid = 'badOption';
  return d('volume', facts, invalid);
}

const MOUNT_KEYS: Record<string, string> = {
  type: 'type', src: 'source', source: 'source', dst: 'target', destination: 'target', target: 'target',
  readonly: 'readOnly', ro: 'readOnly', 'volume-opt': 'volumeOpt', 'volume-nocopy': 'noCopy', 'volume-subpath': 'subpath',
  'volume-driver': 'driver', 'tmpfs-size': 'size', 'tmpfs-mode': 'mode', 'bind-propagation': 'propagation',
  'bind-recursive': 'recursive', consistency: 'consistency', 'image-subpath': 'subpath', bind_propagation: 'propagation',
};

/** Comma-separated key=value pairs, quotes allowed around a pair ("volume-opt=o=addr=1.2.3.4"). */
function pairs(v: string): [string, string][] {
  return v.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).filter(Boolean).map((p) => {
    const bare = p.replace(/^"(.*)"$/, '$1');
    const eq = bare.indexOf('=');
    return eq === -1 ? [bare, ''] : [bare.slice(0, eq), bare.slice(eq + 1)];
  });
}

/** --mount type=…,source=…,target=…,readonly,… */
export function decodeMount(v: string): Decoded {
  const facts: Record<string, string> = {};
  let invalid: string | undefined;
  for (const [k, val] of pairs(v)) {
    const key = MOUNT_KEYS[k];
    if (!key) invalid = 'badOption';
    else if (key === 'readOnly') facts.readOnly = val === '' || val === 'true' || val === '1' ? 'true' : val;
    else if (key === 'volumeOpt' && facts.volumeOpt) facts.volumeOpt += `, ${val}`;
    else facts[key] = val;
  }
  facts.type ??= 'volume';
  if (!facts.target) invalid ??= 'noTarget';
  if (!['bind', 'volume', 'tmpfs', 'image', 'npipe', 'cluster'].includes(facts.type)) invalid ??= 'badType';
  return d('mount', facts, invalid);
}

/** --tmpfs /path[:options] */
export function decodeTmpfs(v: string): Decoded {
  const colon = v.indexOf(':');
  const facts: Record<string, string> = { target: colon === -1 ? v : v.slice(0, colon) };
  if (colon !== -1) facts.options = v.slice(colon + 1);
  return d('tmpfs', facts, facts.target!.startsWith('/') ? undefined : 'badTarget');
}

/** --restart no | always | unless-stopped | on-failure[:max-retries] */
export function decodeRestart(v: string): Decoded {
  const [policy = '', retries] = v.split(':');
  const facts: Record<string, string> = { policy };
  if (retries !== undefined) facts.maxRetries = retries;
  const ok = ['no', 'always', 'unless-stopped', 'on-failure'].includes(policy) && (retries === undefined || (policy === 'on-failure' && /^\d+$/.test(retries)));
  return d('restart', facts, ok ? undefined : 'badRestart');
}

/** --network bridge | host | none | container:<name|id> | <user-defined network> */
export function decodeNetwork(v: string): Decoded {
  if (v.startsWith('container:')) return d('network', { mode: 'container', container: v.slice(10) });
  if (['bridge', 'host', 'none', 'default'].includes(v)) return d('network', { mode: v });
  const [name, ...opts] = v.split(',');
  const facts: Record<string, string> = { mode: 'userDefined', network: name!.replace(/^name=/, '') };
  if (opts.length) facts.options = opts.join(',');
  return d('network', facts);
}

/** -e KEY=value, or -e KEY to pass the host's value through. */
export function decodeEnv(v: string): Decoded {
  const eq = v.indexOf('=');
  if (eq === -1) return d('env', { name: v, value: '(from host)' });
  return d('env', { name: v.slice(0, eq), value: v.slice(eq + 1) }, eq === 0 ? 'badEnv' : undefined);
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** --memory, --shm-size…: a number with an optional b, k, m, g unit (binary multiples). */
export function decodeBytes(v: string): Decoded {
  const m = /^(\d+(?:\.\d+)?)\s*([bkmgtp]?)(i?b)?$/i.exec(v);
  if (!m) return d('bytes', { amount: v }, v === '-1' ? undefined : 'badBytes');
  const bytes = Math.round(Number(m[1]) * UNITS[m[2]!.toLowerCase()]!);
  return d('bytes', { amount: humanBytes(bytes), bytes: String(bytes) });
}

function humanBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let i = 0;
  let x = n;
  while (x >= 1024 && i < units.length - 1 && x % 1024 === 0) {
    x /= 1024;
    i++;
  }
  return `${x} ${units[i]}`;
}

/** --cpus 1.5: how many CPUs' worth of time. */
export function decodeCpus(v: string): Decoded {
  return d('cpus', { cpus: v }, /^\d*\.?\d+$/.test(v) ? undefined : 'badNumber');
}

/** -u name|uid[:group|gid] */
export function decodeUser(v: string): Decoded {
  const [user = '', group] = v.split(':');
  const facts: Record<string, string> = { user };
  if (group !== undefined) facts.group = group;
  return d('user', facts, user === '' ? 'badUser' : undefined);
}

/** --add-host name:ip (or name=ip); host-gateway means the host's own address. */
export function decodeAddHost(v: string): Decoded {
  const sep = v.includes('=') ? v.indexOf('=') : v.indexOf(':');
  if (sep === -1) return d('addHost', { host: v }, 'badAddHost');
  return d('addHost', { host: v.slice(0, sep), ip: v.slice(sep + 1).replace(/^\[(.*)\]$/, '$1') });
}

/** --gpus all | N | device=0,1 | "capabilities=…" */
export function decodeGpus(v: string): Decoded {
  const bare = v.replace(/^"(.*)"$/, '$1');
  if (bare === 'all') return d('gpus', { gpus: 'all' });
  if (/^\d+$/.test(bare)) return d('gpus', { count: bare });
  // "device=0,1": a piece without "=" continues the previous value's list.
  const facts: Record<string, string> = {};
  let last = '';
  for (const [k, val] of pairs(bare)) {
    if (!val && last && !bare.includes(`${k}=`)) facts[last] += `,${k}`;
    else facts[(last = k === 'device' ? 'devices' : k)] = val;
  }
  return d('gpus', facts);
}

/** --platform os/arch[/variant] */
export function decodePlatform(v: string): Decoded {
  const [os = '', arch, variant] = v.split('/');
  const facts: Record<string, string> = { os };
  if (arch) facts.arch = arch;
  if (variant) facts.variant = variant;
  return d('platform', facts, arch ? undefined : 'badPlatform');
}

/** key=value options: --log-opt, --label, --filter, --opt, --build-arg. */
export function decodeKeyValue(v: string): Decoded {
  const eq = v.indexOf('=');
  return eq === -1 ? d('keyValue', { key: v }) : d('keyValue', { key: v.slice(0, eq), value: v.slice(eq + 1) });
}

/** --ulimit name=soft[:hard] */
export function decodeUlimit(v: string): Decoded {
  const eq = v.indexOf('=');
  if (eq === -1) return d('ulimit', { name: v }, 'badUlimit');
  const [soft = '', hard] = v.slice(eq + 1).split(':');
  return d('ulimit', { name: v.slice(0, eq), soft, hard: hard ?? soft });
}

/** An image reference: [registry[:port]/][namespace/]name[:tag][@digest]. */
export function decodeImage(v: string): Decoded {
  const facts: Record<string, string> = {};
  let rest = v;
  const at = rest.indexOf('@');
  let digest = '';
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.indexOf('/');
  const first = slash === -1 ? '' : rest.slice(0, slash);
  const hasRegistry = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost');
  facts.registry = hasRegistry ? first : 'docker.io';
  if (hasRegistry) rest = rest.slice(slash + 1);
  const colon = rest.lastIndexOf(':');
  let tag = '';
  if (colon !== -1) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  facts.repository = !hasRegistry && !rest.includes('/') ? `library/${rest}` : rest;
  facts.name = rest;
  facts.tag = tag || (digest ? '' : 'latest');
  if (!facts.tag) delete facts.tag;
  if (digest) facts.digest = digest;
  const bad = !/^[a-z0-9]+(?:[._-]+[a-z0-9]+|__)*(?:\/[a-z0-9]+(?:[._-]+[a-z0-9]+)*)*$/.test(rest) || (tag !== '' && !/^\w[\w.-]{0,127}$/.test(tag));
  return d('image', facts, bad && !v.includes('$') ? 'badImage' : undefined);
}

/** Which decoder reads which option (by long name). */
export const DECODERS: Record<string, (v: string) => Decoded> = {
  publish: decodePublish,
  expose: (v) => d('expose', { containerPort: v }),
  volume: decodeVolume,
  mount: decodeMount,
  tmpfs: decodeTmpfs,
  restart: decodeRestart,
  network: decodeNetwork,
  net: decodeNetwork,
  env: decodeEnv,
  'env-file': (v) => d('envFile', { file: v }),
  memory: decodeBytes,
  'memory-swap': decodeBytes,
  'memory-reservation': decodeBytes,
  'shm-size': decodeBytes,
  cpus: decodeCpus,
  user: decodeUser,
  'add-host': decodeAddHost,
  gpus: decodeGpus,
  platform: decodePlatform,
  'log-opt': decodeKeyValue,
  label: decodeKeyValue,
  filter: decodeKeyValue,
  'build-arg': decodeKeyValue,
  ulimit: decodeUlimit,
};
