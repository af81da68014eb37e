/**
 * Headings that file commands under a topic rather than say what one command does, so they are
 * never a command's title (a command with no words of its own gets none rather than a wrong one)
 * nor a term to learn:
 * - a category, once numbering, brackets, program names and stock adjectives are set aside:
 *   "5. Docker 命令", "案例（Dockerfile）", "Docker Commands", "Quick Commands", "swarm 相关", "容器管理";
 * - a label with a number: "Part 2", "Note 3", "Issue 1 (Solved)", "Line 4", "2nd example".
 * And a heading can name a command: then it titles that command, not another one under it.
 */
import { commandName } from '../shell.ts';
import { isGenericHeading, mentionedCommand } from '../patterns.ts';

const NUMBERING = /^\s*(?:\d+(?:\.\d+)*[.、)．:]?|[一二三四五六七八九十百]+[、.．]|[(（]\d+[)）]|第[一二三四五六七八九十百\d]+[章节節部分步][、.：:]?)\s*/;
const BRACKETED = /[(（【[][^)）】\]]*[)）】\]]/g;
const PROGRAMS = /\b(?:docker(?:[- ]compose)?|podman|kubectl|dockerfile)\b/gi;
const STOCK = /^(?:(?:常用|基本|基础|常见|实用|主要|重要|全部|所有|一些|更多|其他|其它|quick|basic|common|useful|handy|important|essential|some|more|other|all|the|a|useful|frequently used|most used)\s*)+/i;
const COLLECTIVE = /(?:相关(?:命令|操作|指令)?|管理|操作|大全|汇总|彙總|合集|一览|一覽|整理|清单|清單|速查|备忘|備忘)$/;
const CATEGORY = /^(?:命令|指令|操作|用法|作用|用途|基础|基礎|基础知识|案例|示例|例子|实例|範例|范例|练习|練習|笔记|筆記|备忘录|参数|選項|选项|commands?|cli|examples?|usage|cheat ?sheets?|reference|snippets?|recipes?|operations?|basics?|notes?|tips?|misc|others?|overview|summary|options?|flags?|parameters?|arguments?)$/i;
const JOINER = /\s*(?:&|\band\b|和|与|與|、|\/|,|，)\s*/i;
const LABEL = /^(?:\d+(?:st|nd|rd|th)\s+[A-Za-z]+|(?:[A-Za-z]+\s+)?(?:part|step|issue|note|example|solution|line|chapter|section|lesson|lecture|problem|question|exercise|task|case|demo|method|option|way|tip|hint|video|lab|round|phase|stage|day|week)\s*#?\d+(?:\s*[(（][^)）]*[)）])?)$/i;

/** "5.Docker命令" → "命令" → a category. `bare`: a heading that is nothing but a program's name ("Docker") counts too. */
export function isCategoryHeading(h: string, bare = false): boolean {
  let t = h.trim().replace(/[:：]$/, '').replace(NUMBERING, '').replace(BRACKETED, ' ').replace(PROGRAMS, ' ').replace(/\s+/g, ' ').trim();
  t = t.replace(STOCK, '').trim();
  if (COLLECTIVE.test(t) || /^[\u4e00-\u9fff]{1,2}(?:命令|指令)$/.test(t)) return true; // 镜像命令, 帮助命令
  t = t.replace(/^(?:的|of)\s*/, '').trim();
  if (!t) return bare;
  return t.split(JOINER).every((part) => CATEGORY.test(part.trim()));
}

export function isNumberedLabel(h: string): boolean {
  return LABEL.test(h.trim().replace(/[:：]$/, ''));
}

const NO_MEANING_LEAD = /^(?:for example|for instance|e\.g\.?|example usage|sample|output|result|syntax|format|例如|比如|举例|舉例|如下|输出|輸出|结果|結果|语法|語法|格式|用法如下|示例如下|步骤|步驟|steps?)$/i;

/** A lead-in that only announces what follows ("Example:", "常用命令：", "Part 2:"), so it is no command's meaning. */
export function isGenericLead(text: string): boolean {
  const t = text.trim().replace(/^[*_]+|[*_]+$/g, '').replace(/[:：]\s*$/, '').trim();
  if (!t || t.length > 30) return false;
  return NO_MEANING_LEAD.test(t) || isCategoryHeading(t) || isNumberedLabel(t);
}

/** `RUN`, `ADD`, `WORKDIR`: one word in capitals names a keyword (a Dockerfile instruction), not an action. */
export function isKeywordHeading(h: string): boolean {
  return /^[A-Z][A-Z_]{1,15}$/.test(h);
}

/** Programs whose commands are the scaffolding of a demo (`ls`, `cd`), not what a heading is about. */
const SCAFFOLD = new Set('ls cd pwd touch cat echo exit whoami clear ll dir tree'.split(' '));

/**
 * The heading as the title of `command` (which no words of its own explain), or null when it
 * would be a wrong one: a category or a numbered label, a heading naming another command, or a
 * demo's scaffolding (`ls`) under a heading that does not name it.
 */
export function headingTitleFor(heading: string, command: string): string | null {
  const h = heading.trim();
  if (!h || isGenericHeading(h) || isCategoryHeading(h, true)) return null;
  const name = commandName(command);
  const program = name.split(' ')[0] ?? '';
  // (a bare `ls /tmp`, not `echo "" > $(…)`: redirections and pipes make it a task of its own)
  if (SCAFFOLD.has(program) && !/[|>$;&]/.test(command) && command.split(/\s+/).length <= 3 && !h.toLowerCase().includes(program)) return null;
  const named = mentionedCommand(h);
  if (named && name !== named && !name.startsWith(`${named} `) && !named.startsWith(`${name} `)) return null;
  return h;
}
