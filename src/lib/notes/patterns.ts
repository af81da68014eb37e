/**
 * Recognisers for the shapes free-form notes use to say something about a flag, a comparison or
 * a term. Each takes one short piece of text (a heading, a list item, a paragraph's first clause)
 * and returns what it names, or null. Line-level regexes only; structure comes from the parser.
 */
import { typeable } from './text.ts';
import { commandName } from './shell.ts';
import { isCategoryHeading, isKeywordHeading, isNumberedLabel } from './rules/generic-heading.ts'; // idx-formats hook

const FLAG = String.raw`-{1,2}[A-Za-z][\w-]*`;
const CMD_PREFIX = String.raw`(?:sudo\s+)?(?:docker-compose|docker|podman|kubectl|systemctl|git)(?:\s+[a-z][\w-]*){0,2}`;
const FLAG_DEF_COLON = new RegExp(
  String.raw`^\s*(?:(${CMD_PREFIX})\s+)?(${FLAG})((?:\s*[,，/、|]\s*${FLAG})*)(?:[ =]([^\s:：]{1,30}))?()\s*(?:：|:(?=\s|[^\x00-\x7f]))\s*(\S[\s\S]*)$`,
);
const FLAG_DEF = new RegExp(
  String.raw`^\s*(?:(${CMD_PREFIX})\s+)?(${FLAG})((?:\s*[,，/、|]\s*${FLAG})*)(?:[ =](<[^>]{1,30}>|[A-Z][A-Z_]{1,20}|\[[^\]]{1,30}\]|"[^"]{1,30}"))?(\s*[:：]\s*|\s+[-–—]\s+|\s+)(\S[\s\S]*)$`,
);

const FLAG_SEP_OR_HAN = /[:：\u4e00-\u9fff]|\s[-–—]\s/;
const FLAG_DEF_START = /^\s*(?:-|sudo|docker|podman|kubectl|systemctl|git)/;

export interface FlagDef {
  flag: string;
  aliases: string[];
  /** "docker run" when the line itself names the command ("docker run -d: 后台运行"). */
  command?: string;
  desc: string;
}

let lastUnticked = { from: '', to: '' };

/** Remove code-span backticks; fix dashes and quotes. */
export function unticked(s: string): string {
  // the same line is often asked twice in a row (is it a flag definition? a command?)
  if (s !== lastUnticked.from) lastUnticked = { from: s, to: typeable(s.includes('`') ? s.replace(/`+/g, (m) => (m.length === 1 ? '' : ' ')) : s) };
  return lastUnticked.to;
}

/**
 * "-d: 后台运行", "`--rm`：退出后删除", "--name：定义容器名称", "-p : 端口", "-i, --interactive  keep STDIN open",
 * "docker run -d: 后台运行" → the flag and what is said about it.
 */
export function flagDef(text: string): FlagDef | null {
  const codeLead = /^\s*`-/.test(text);
  const plain = unticked(text).slice(0, 4000);
  if (!FLAG_DEF_START.test(plain)) return null; // both patterns below start like this
  // without a colon, a spaced dash or Chinese, only a flag in code may be followed by its meaning
  if (!codeLead && !FLAG_SEP_OR_HAN.test(plain)) return null;
  const m = FLAG_DEF_COLON.exec(plain) ?? FLAG_DEF.exec(plain);
  if (!m) return null;
  const [, cmd, flag, rest, , sepRaw, descRaw] = m;
  const sep = sepRaw || ':';
  const desc = descRaw!.trim();
  if (!/[\u4e00-\u9fff]|[A-Za-z]{2,}/.test(desc) || /^-{1,2}[A-Za-z]/.test(desc)) return null;
  const colon = /[:：]|[-–—]/.test(sep);
  if (!colon && !codeLead && !/[\u4e00-\u9fff]/.test(desc.slice(0, 30))) return null;
  const aliases = (rest ?? '').split(/[,，/、|]/).map((a) => a.trim()).filter(Boolean);
  const command = cmd ? commandName(cmd) || undefined : undefined;
  return { flag: flag!, aliases, ...(command ? { command } : {}), desc };
}

export interface CompareDef {
  items: string[];
  /** The words that announced the comparison ("save 和 export 的区别"), for the card title. */
  phrase: string;
  /** What follows the announcement in the same text. */
  rest: string;
}

const ITEM_NOISE = /^(?:选择|使用|该用|用|是用|应该用|关于)\s*|\s*(?:参数|命令|选项|指令|命令行|模式)$/g;

function cleanItem(s: string): string {
  return typeable(s)
    .replace(/[`"'“”‘’「」《》【】*]/g, '')
    .replace(ITEM_NOISE, '')
    .replace(/\s+的$/, '')
    .replace(/的$/, '')
    .trim();
}

function items(parts: string[]): string[] | null {
  const out = parts.map(cleanItem);
  if (out.length < 2 || out.length > 5) return null;
  for (const it of out) {
    if (!it || it.length > 40 || /[，。；！？,;!?：:]/.test(it)) return null;
  }
  return new Set(out).size === out.length ? out : null;
}

const VS = /\s+(?:vs\.?|VS\.?|Vs\.?|versus)\s+/;
const ZH_DIFF = /^(.{1,40}?)\s*(?:和|与|跟|同|以及|及|对比|VS|vs)\s*(.{1,40}?)\s*(?:之间)?\s*(?:的)?\s*(?:区别|差别|差异|不同|比较|对比|异同|联系)(?:是什么|有哪些|在哪|与联系|和联系)?\s*[?？]?$/;
const ZH_OR = /^(?:选择|该用|应该用|用|使用)?\s*(.{1,40}?)\s*还是\s*(.{1,40}?)\s*[?？]?$/;
const EN_DIFF = /^(?:the\s+)?differences?\s+between\s+(.{1,40}?)\s+(?:and|&)\s+(.{1,40}?)\s*[?.]?$/i;
const EN_CMP = /^(.{1,40}?)\s+(?:compared (?:to|with)|versus)\s+(.{1,40}?)\s*[?.]?$/i;
/** Each announcement pattern with a word it cannot match without. */
const ANNOUNCEMENTS: readonly [RegExp, RegExp][] = [
  [ZH_DIFF, /区别|差别|差异|不同|比较|对比|异同|联系/],
  [ZH_OR, /还是/],
  [EN_DIFF, /differen/i],
  [EN_CMP, /compared|versus/i],
];
/** A word every comparison pattern below needs (case folded: a superset of what they accept). */
const COMPARE_CUE = /vs|versus|区别|差别|差异|不同|比较|对比|异同|联系|还是|differen|compared/i;
const ZH_DIFF_IS = /与\s*(\S{1,30}?)\s*的区别(?:是|在于)[：:\s]*(\S{1,30}?)(?=\s|[，,。]|不|$)/;

/**
 * Comparisons announced in a heading or at the start of a paragraph: "A vs B", "A 和 B 的区别",
 * "A 与 B 的比较", "选择 -v 还是 --mount", "difference between A and B".
 */
export function compareDef(text: string): CompareDef | null {
  const typed = typeable(text);
  if (!COMPARE_CUE.test(typed.includes('*') ? typed.replace(/\*\*/g, '') : typed)) return null;
  const t = typed.replace(/\*\*/g, '').trim();
  if (!t || t.length > 4000) return null;
  // the announcement is the first clause: up to a colon, or the whole (short) text
  const colon = t.search(/[:：]/);
  const head = (colon > 0 ? t.slice(0, colon) : t).trim();
  const rest = colon > 0 ? t.slice(colon + 1).trim() : '';
  if (head.length <= 80) {
    if (VS.test(head)) {
      const it = items(head.split(VS));
      if (it) return { items: it, phrase: head, rest };
    }
    for (const [re, cue] of ANNOUNCEMENTS) {
      if (!cue.test(head)) continue; // a cheap scan first: these lazy patterns backtrack on every paragraph
      const m = re.exec(head);
      if (m) {
        const it = items([m[1]!, m[2]!]);
        if (it) return { items: it, phrase: head, rest };
      }
    }
  }
  const is = t.includes('的区别') ? ZH_DIFF_IS.exec(t.slice(0, 400)) : null;
  if (is) {
    const it = items([is[2]!, is[1]!]);
    if (it) return { items: it, phrase: `${it[0]} 与 ${it[1]} 的区别`, rest: t };
  }
  return null;
}

/** "什么是数据卷", "数据卷是什么？", "为什么使用存储卷", "What is a volume?" → the concept asked about. */
export function questionDef(heading: string): { key: string } | null {
  const h = heading.trim().replace(/\s+/g, ' ');
  let m = /^(?:什么是|何为|何谓|啥是)\s*(.{1,40}?)\s*[?？]?$/.exec(h);
  if (m) return { key: m[1]! };
  m = /^(.{1,40}?)\s*(?:是什么|是啥|是干什么的|有什么用|的作用是什么)\s*[?？]?$/.exec(h);
  if (m) return { key: m[1]! };
  m = /^(?:what\s+(?:is|are)|what's)\s+(?:an?\s+|the\s+)?(.{1,40}?)\s*\??$/i.exec(h);
  if (m) return { key: m[1]! };
  if (/^(?:为什么|为何|怎么|如何|why\b|how\b|when\b)/i.test(h) || /[?？]$/.test(h) || /什么问题|解决了什么|有什么|是否/.test(h)) {
    return { key: h.replace(/\s*[?？]$/, '') };
  }
  return null;
}

/** Headings such as "FROM - 基础镜像信息", "链接 — 本地服务发现", "CMD：容器启动命令": term and gloss. */
export function glossHeading(heading: string): { term: string; gloss: string } | null {
  const m = /^\s*`?([^`\s][^`]{0,38}?)`?\s*(?:\s[-–—]{1,2}\s|[:：])\s*(\S.{0,120})$/.exec(heading);
  if (!m) return null;
  const term = m[1]!.trim();
  if (/[，。,;；]/.test(term) || term.split(/\s+/).length > 4) return null;
  return { term, gloss: m[2]!.trim() };
}

/** "**term**: meaning", "**term** meaning" — strong text leading a paragraph or list item. */
export function strongDef(spans: readonly { kind: string; value: string }[]): { term: string; meaning: string } | null {
  const first = spans[0];
  if (!first || first.kind !== 'strong') return null;
  const term = first.value.replace(/[:：]\s*$/, '').trim();
  const meaning = spans
    .slice(1)
    .map((s) => (s.kind === 'code' ? `\`${s.value}\`` : s.value))
    .join('')
    .replace(/^\s*(?:[:：]|[-–—]{1,2}\s)\s*/, '')
    .trim();
  if (!term || term.length > 40 || meaning.length < 2 || /[。，,;；]/.test(term)) return null;
  return { term, meaning };
}

const NOT_TERMS = /^(?:注意|注|提示|说明|备注|例如|比如|举例|结果|输出|原因|作用|用法|步骤|示例|ps|note|notes|tip|tips|warning|warn|example|e\.g|eg|output|result|step\s*\d*|第.{1,3}步|todo|参考|链接|地址|来源|source|link|url|官网|文档|docs?)$/i;

/** "MNT：文件系统访问和结构" — a short term, a colon, a meaning (only trusted inside a list of such items). */
export function colonDef(text: string): { term: string; meaning: string } | null {
  const m = /^\s*`?([^`:：\n]{1,24}?)`?\s*[:：]\s*(\S[\s\S]{1,})$/.exec(text);
  if (!m) return null;
  const term = m[1]!.trim();
  if (NOT_TERMS.test(term) || /[，。,;；!！?？]/.test(term) || term.split(/\s+/).length > 3 || /^\d+$/.test(term) || /^https?$/i.test(term)) return null;
  return { term, meaning: m[2]!.trim() };
}

/** "blkio 这个子系统设置…" — an ASCII term followed by a Chinese explanation. */
export function termThenHan(text: string): { term: string; meaning: string } | null {
  const m = /^\s*`?([A-Za-z][\w.-]{0,30})`?\s+([\u4e00-\u9fff][\s\S]{3,})$/.exec(text);
  return m ? { term: m[1]!, meaning: m[2]!.trim() } : null;
}

/** Headings that name a part of the note rather than a thing to learn. */
const GENERIC = /^(?:简介|介绍|概述|概念|总结|小结|参考|参考资料|参考文档|参考链接|前言|目录|附录|其他|其它|备注|说明|示例|例子|实例|常用命令|命令|基本命令|命令备忘录|备忘录|笔记|用法|使用|安装|配置|问题|常见问题|faq|todo|end|all|overview|introduction|intro|summary|references?|notes?|examples?|conclusion|contents|toc|usage|install(?:ation)?|setup|misc|other|commands?|cheat ?sheet|tips?)$/i;

/** Headings that describe doing something (those sections hold commands, not a concept). */
const ACTION = /^(?:安装|创建|删除|启动|停止|设置|查看|修改|使用|配置|定义|下载|上传|导出|导入|运行|进入|获取|清理|构建|推送|拉取|登录|编写|生成|添加|更新|升级|重启|备份|恢复|迁移|部署|连接|挂载|列出|搜索|提交|保存|加载|开启|关闭|自定义|管理|执行|制作|打包|发布|编辑|检查|测试|监控|限制|指定|映射|暴露|重命名|复制|如何|怎样|install|create|delete|remove|start|stop|run|use|using|set|setup|configure|get|build|push|pull|add|update|upgrade|enable|disable|list|show|check|define|deploy|download|write|make|mount|connect|login|manage|clean|inspect|view|edit|test|step|experiment|refresh|change|enter|install)\b/i;

export function isGenericHeading(h: string): boolean {
  return GENERIC.test(h.trim().replace(/[:：]$/, '')) || isCategoryHeading(h) || isNumberedLabel(h); // idx-formats hook: rules/generic-heading.ts
}

export function isActionHeading(h: string): boolean {
  const t = h.trim();
  if (isKeywordHeading(t)) return false; // idx-formats hook: "RUN", "ADD" name an instruction
  return ACTION.test(t) || /^(?:step|第)\s*\d/i.test(t) || /^\d+[.、]/.test(t);
}

/** A command named in running text ("`docker run` 的参数", "docker run 常用选项") — the last one wins. */
export function mentionedCommand(text: string): string | undefined {
  const re = /(docker-compose|docker|podman|kubectl|systemctl)\s+([a-z][\w-]*)(?:\s+([a-z][\w-]*))?/g;
  let found: string | undefined;
  let m: RegExpExecArray | null;
  let guard = 0;
  const plain = text.replace(/`/g, ' ');
  while ((m = re.exec(plain)) && guard++ < 50) {
    const name = commandName(m[0]);
    if (name.includes(' ')) found = name;
  }
  return found;
}
