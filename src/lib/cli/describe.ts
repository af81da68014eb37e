/**
 * Puts an explanation into words, in zh or en: one row per part with its meaning, its value
 * decoded, and any mistake with its fix. The app, `npm run explain` and the tests all read
 * these rows, so there is one wording of everything.
 */
import type { CatalogueIndex } from './catalogue.ts';
import type { Decoded } from './decode.ts';
import { explainLine } from './explain.ts';
import type { Meaning, Meanings } from './meaning.ts';
import type { Part, PartRole, Problem } from './parse.ts';

type Lang = 'zh' | 'en';
type Words = Record<Lang, string>;

const LABELS: Record<string, Words> = {
  hostIp: { en: 'host address', zh: '宿主机地址' },
  hostPort: { en: 'host port', zh: '宿主机端口' },
  containerPort: { en: 'container port', zh: '容器端口' },
  protocol: { en: 'protocol', zh: '协议' },
  publishMode: { en: 'publish mode (ingress: every node; host: this node)', zh: '发布方式（ingress：所有节点；host：仅本节点）' },
  type: { en: 'type', zh: '类型' },
  source: { en: 'source', zh: '来源' },
  target: { en: 'mounted at', zh: '挂载到' },
  readOnly: { en: 'read-only', zh: '只读' },
  readWrite: { en: 'read-write', zh: '可读写' },
  sharedLabel: { en: 'SELinux label shared', zh: 'SELinux 共享标签' },
  privateLabel: { en: 'SELinux label private', zh: 'SELinux 私有标签' },
  noCopy: { en: 'no copy of image data', zh: '不复制镜像内容' },
  consistency: { en: 'consistency', zh: '一致性' },
  propagation: { en: 'propagation', zh: '传播方式' },
  volumeOpt: { en: 'volume driver options', zh: '卷驱动选项' },
  subpath: { en: 'sub-path', zh: '子路径' },
  driver: { en: 'driver', zh: '驱动' },
  size: { en: 'size', zh: '大小' },
  mode: { en: 'mode', zh: '模式' },
  recursive: { en: 'recursive', zh: '递归' },
  options: { en: 'options', zh: '选项' },
  policy: { en: 'policy', zh: '策略' },
  maxRetries: { en: 'at most retries', zh: '最多重试次数' },
  container: { en: 'container', zh: '容器' },
  network: { en: 'network', zh: '网络' },
  name: { en: 'name', zh: '名称' },
  value: { en: 'value', zh: '值' },
  file: { en: 'file', zh: '文件' },
  amount: { en: 'amount', zh: '数量' },
  bytes: { en: 'bytes', zh: '字节' },
  cpus: { en: 'CPUs', zh: 'CPU 个数' },
  user: { en: 'user', zh: '用户' },
  group: { en: 'group', zh: '组' },
  host: { en: 'host name', zh: '主机名' },
  ip: { en: 'address', zh: '地址' },
  gpus: { en: 'GPUs', zh: 'GPU' },
  count: { en: 'GPU count', zh: 'GPU 数量' },
  devices: { en: 'devices', zh: '设备' },
  capabilities: { en: 'capabilities', zh: '能力' },
  os: { en: 'OS', zh: '操作系统' },
  arch: { en: 'architecture', zh: '架构' },
  variant: { en: 'variant', zh: '变体' },
  key: { en: 'key', zh: '键' },
  soft: { en: 'soft limit', zh: '软限制' },
  hard: { en: 'hard limit', zh: '硬限制' },
  registry: { en: 'registry', zh: '仓库地址' },
  repository: { en: 'repository', zh: '镜像仓库' },
  tag: { en: 'tag', zh: '标签' },
  digest: { en: 'digest', zh: '摘要' },
};

const VALUES: Record<string, Words> = {
  '(random)': { en: 'a random free port', zh: '随机空闲端口' },
  '(from host)': { en: "taken from the host's environment", zh: '取宿主机同名变量' },
  anonymous: { en: 'anonymous volume', zh: '匿名卷' },
  bind: { en: 'bind mount (host path)', zh: '绑定挂载（宿主机路径）' },
  volume: { en: 'named volume', zh: '命名卷' },
  tmpfs: { en: 'tmpfs (in memory)', zh: 'tmpfs（内存）' },
  userDefined: { en: 'user-defined network', zh: '自定义网络' },
  'unless-stopped': { en: 'unless-stopped: restart unless you stopped it', zh: 'unless-stopped：除非手动停止，否则总是重启' },
  always: { en: 'always restart', zh: '总是重启' },
  'on-failure': { en: 'on-failure: restart when it exits non-zero', zh: 'on-failure：非零退出时重启' },
  no: { en: 'no: never restart', zh: 'no：从不重启' },
  container: { en: "share another container's network", zh: '共用另一个容器的网络' },
  host: { en: "host: the host's own network", zh: 'host：直接用宿主机网络' },
  none: { en: 'none: no network', zh: 'none：无网络' },
  bridge: { en: 'bridge: the default bridge', zh: 'bridge：默认网桥' },
};

const ROLES: Record<PartRole, Words> = {
  program: { en: 'program', zh: '程序' },
  command: { en: 'command', zh: '子命令' },
  option: { en: 'option', zh: '选项' },
  argument: { en: 'argument', zh: '参数' },
  'container-command': { en: "the container's own command (not Docker's)", zh: '容器里运行的命令（不是 Docker 的）' },
  'end-of-options': { en: 'end of options: what follows is never a flag', zh: '选项结束：后面的都不当作选项' },
};

const SLOTS: Record<string, Words> = {
  IMAGE: { en: 'image', zh: '镜像' },
  CONTAINER: { en: 'container', zh: '容器' },
  SERVICE: { en: 'service', zh: '服务' },
  NETWORK: { en: 'network', zh: '网络' },
  VOLUME: { en: 'volume', zh: '卷' },
  NAME: { en: 'name', zh: '名称' },
  PATH: { en: 'build context', zh: '构建上下文' },
};

const DETAILS: Record<string, Words> = {
  badPublish: { en: 'expected [ip:][host port:]container port[/tcp|udp]', zh: '应为 [IP:][宿主机端口:]容器端口[/tcp|udp]' },
  badTarget: { en: 'the path in the container must be absolute', zh: '容器内路径必须是绝对路径' },
  badOption: { en: 'unknown option', zh: '未知选项' },
  noTarget: { en: 'no target path', zh: '缺少目标路径' },
  badType: { en: 'unknown mount type', zh: '未知的挂载类型' },
  badRestart: { en: 'expected no, always, unless-stopped or on-failure[:N]', zh: '应为 no、always、unless-stopped 或 on-failure[:N]' },
  badEnv: { en: 'expected NAME=value or NAME', zh: '应为 NAME=value 或 NAME' },
  badBytes: { en: 'expected a number with b, k, m or g', zh: '应为数字加单位 b、k、m 或 g' },
  badNumber: { en: 'expected a number', zh: '应为数字' },
  badUser: { en: 'expected user[:group]', zh: '应为 用户[:组]' },
  badAddHost: { en: 'expected host:ip', zh: '应为 主机名:IP' },
  badPlatform: { en: 'expected os/arch', zh: '应为 os/arch' },
  badUlimit: { en: 'expected name=soft[:hard]', zh: '应为 name=软限制[:硬限制]' },
  badImage: { en: 'not a valid image name: lowercase [registry/]name[:tag]', zh: '不是有效的镜像名：小写的 [仓库地址/]名称[:标签]' },
};

/** `typed`: the command as the user wrote it ("docker ps"), so a message names what they know. */
function problemText(p: Problem, part: Part, lang: Lang, typed: string): string {
  const cmd = typed || part.command;
  const fix = p.fix ?? '';
  const detail = p.detail ? (DETAILS[p.detail]?.[lang] ?? p.detail) : '';
  const en: Record<Problem['code'], string> = {
    'unknown-command': `"${p.subject}" is not a subcommand of ${part.command}${fix ? `; did you mean ${fix}?` : ''}`,
    'unknown-flag': `${cmd} has no ${p.subject}`,
    'near-miss': `${cmd} has no ${p.subject}; did you mean ${fix}?`,
    'flag-case': `${p.subject} is not ${fix}: flags differ by case. ${part.option ? `${p.subject} = ${part.option.help}; ` : ''}did you mean ${fix}?`,
    'missing-value': `${p.subject} needs a value`,
    'typographic-dash': `"${p.subject}" has a typographic dash; type ${fix}`,
    deprecated: fix ? `${p.subject} is legacy; use ${fix} instead` : `${p.subject} is legacy or deprecated`,
    'bad-value': `"${p.subject}" is not a valid value here (${detail})`,
  };
  const zh: Record<Problem['code'], string> = {
    'unknown-command': `“${p.subject}”不是 ${part.command} 的子命令${fix ? `，是不是 ${fix}？` : ''}`,
    'unknown-flag': `${cmd} 没有 ${p.subject} 选项`,
    'near-miss': `${cmd} 没有 ${p.subject}，是不是 ${fix}？`,
    'flag-case': `${p.subject} 不是 ${fix}：选项区分大小写。${part.option ? `${p.subject} = ${part.option.help}；` : ''}是不是想用 ${fix}？`,
    'missing-value': `${p.subject} 缺少取值`,
    'typographic-dash': `“${p.subject}”里是排版用的长破折号，应输入 ${fix}`,
    deprecated: fix ? `${p.subject} 是旧功能，请改用 ${fix}` : `${p.subject} 已过时（旧功能）`,
    'bad-value': `“${p.subject}”不是这里的有效取值（${detail}）`,
  };
  return (lang === 'zh' ? zh : en)[p.code];
}

function word(v: string, lang: Lang): string {
  return VALUES[v]?.[lang] ?? v;
}

/** A decoded value in one line: "host address 127.0.0.1 · host port 8080 · container port 80 · protocol tcp". */
export function decodedText(d: Decoded, lang: Lang): string {
  const sep = lang === 'zh' ? '，' : ' · ';
  return Object.entries(d.facts)
    .filter(([k]) => !(d.kind === 'bytes' && k === 'bytes') && !(d.kind === 'image' && k === 'repository'))
    .map(([k, v]) => {
      const label = LABELS[k]?.[lang] ?? k;
      if (k === 'readOnly' || k === 'readWrite' || k === 'noCopy' || k === 'sharedLabel' || k === 'privateLabel') return label;
      return `${label} ${word(v, lang)}`;
    })
    .join(sep);
}

export interface Row {
  text: string;
  role: PartRole;
  roleText: string;
  flag?: string;
  value?: string;
  meaning?: string;
  meaningLang?: string;
  cardId?: string;
  decoded?: Decoded;
  decodedText?: string;
  problems: { code: Problem['code']; fix?: string; text: string }[];
}

export interface CommandRows {
  command: string;
  rows: Row[];
}

export interface LineRows {
  input: string;
  commands: CommandRows[];
  /** Programs that are not Docker in the same line ("grep", "xargs"). */
  others: string[];
  wrappers: string[];
}

function programMeaning(part: Part, lang: Lang): Meaning {
  const compose = part.text.endsWith('docker-compose');
  const en = compose ? 'Compose v1, the standalone program: same as docker compose' : 'the Docker command-line client';
  const zh = compose ? 'Compose v1 独立程序，等同于 docker compose' : 'Docker 命令行客户端';
  return { text: lang === 'zh' ? zh : en, lang };
}

export function describePart(part: Part, meanings: Meanings, lang: Lang, typed = ''): Row {
  const row: Row = { text: part.text, role: part.role, roleText: ROLES[part.role][lang], problems: [] };
  if (part.flag) row.flag = part.flag;
  if (part.value !== undefined) row.value = part.value;
  if (part.slot) row.roleText = SLOTS[part.slot]?.[lang] ?? part.slot.toLowerCase();
  const m = part.role === 'program' ? programMeaning(part, lang) : meanings.of(part, lang);
  if (m) {
    row.meaning = m.text;
    row.meaningLang = m.lang;
    if (m.card) row.cardId = m.card.id;
  }
  if (part.decoded) {
    row.decoded = part.decoded;
    row.decodedText = decodedText(part.decoded, lang);
  }
  for (const p of part.problems ?? []) row.problems.push({ code: p.code, ...(p.fix ? { fix: p.fix } : {}), text: problemText(p, part, lang, typed) });
  return row;
}

/** The whole line, explained in words. */
export function describeLine(cat: CatalogueIndex, meanings: Meanings, line: string, lang: Lang): LineRows {
  const e = explainLine(cat, line);
  return {
    input: line,
    commands: e.docker.map((c) => {
      // "docker ps", "docker compose up": the program and subcommands as typed, before any option.
      const typed = c.parts
        .filter((p) => (p.role === 'program' || p.role === 'command') && !p.problems?.length)
        .map((p) => p.text)
        .join(' ');
      return { command: c.command, rows: c.parts.map((p) => describePart(p, meanings, lang, typed)) };
    }),
    others: e.others.map((o) => o.program),
    wrappers: e.wrappers,
  };
}
