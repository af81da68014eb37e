/**
 * The many ways a note states what a flag does, brought to the one form `flagDef` reads
 * ("-x: meaning"):
 *   options: -P（随机映射端口）      → -P: 随机映射端口
 *   `-i`表示进入交互模式             → -i: 进入交互模式
 *   －d：后台运行                     → -d: 后台运行       (full-width dash)
 *   -a / -all for all containers      → untouched: "-a, -all" lists are read by flagDef itself
 */
import { flagDef, type FlagDef } from '../patterns.ts';

const LABEL = /^\s*(?:options?|参数|選項|选项|常用参数|常用選項)\s*[:：]\s*(?=[-－`])/i;
const FLAG = String.raw`-{1,2}[A-Za-z][\w-]*`;
const PAREN = new RegExp(String.raw`^\s*\`?(${FLAG})\`?\s*[（(]([^（()）]{2,})[)）]\s*[。.;；]?\s*$`);
const VERB = new RegExp(String.raw`^\s*\`?(${FLAG})\`?\s*(?:参数|選項|选项)?\s*(?:表示|代表|意思是|意为|是指|的作用是|的意思是|为|是)\s*(\S.*)$`);
/** "-t参数用来指定镜像名": the purpose keeps its verb ("用来…" reads as a meaning). */
const USE = new RegExp(String.raw`^\s*\`?(${FLAG})\`?\s*(?:参数|選項|选项)?\s*(?:是)?\s*((?:用来|用于|用於)\S.*)$`);

/** "-h参数：…", "-p 参数: …" */
const NOUN_COLON = new RegExp(String.raw`^\s*\`?(${FLAG})\`?\s*(?:参数|選項|选项|option)\s*[:：]\s*(?:表示|代表)?\s*(\S.*)$`);
/** "-m，--message=\"\"提交信息", "\`-L\` --follow-link，跟随链接" */
const ALIAS_GLUED = new RegExp(String.raw`^\s*\`?(-[A-Za-z])\`?\s*[，,]?\s*\`?(--[A-Za-z][\w-]*)\`?(?:=(?:""|''|\S*?))?\s*[，,：:]?\s*(?=[\u4e00-\u9fff])(\S.*)$`);
/** "-P   # 随机端口" (a flag line with its comment, in code) */
const HASH = new RegExp(String.raw`^\s*(${FLAG}(?:\s*,\s*${FLAG})?)\s+#\s*(\S.*)$`);

/** The line in "-x: meaning" form when it states a flag in one of the shapes above; else unchanged. */
export function normalizeFlagLine(line: string): string {
  let t = line.replace(/^(\s*`?)－/, '$1-');
  t = t.replace(LABEL, '');
  if (!/^\s*`?-/.test(t)) return t;
  const a = ALIAS_GLUED.exec(t);
  if (a) return `${a[1]}, ${a[2]}: ${a[3]!.trim()}`;
  const p = PAREN.exec(t) ?? NOUN_COLON.exec(t) ?? USE.exec(t) ?? VERB.exec(t) ?? HASH.exec(t);
  return p ? `${p[1]}: ${p[2]!.trim()}` : t;
}

/**
 * What a line must start with to state a flag after normalising: a dash (any typographic one),
 * a label, or the command prefix flagDef accepts — behind blanks and backticks. Invisible
 * characters (which typeable removes) leave the question to flagDef.
 */
const MAY_STATE_FLAG = /^[\s`]*(?:[-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]|sudo|docker|podman|kubectl|systemctl|git|options?|参数|選項|选项|常用)|[\u200b-\u200d\u2060\u00ad]/i;

/** flagDef over the normalised line. */
export function flagLine(line: string): FlagDef | null {
  if (!MAY_STATE_FLAG.test(line)) return null; // most lines are prose: skip the normalising
  return flagDef(normalizeFlagLine(line));
}
