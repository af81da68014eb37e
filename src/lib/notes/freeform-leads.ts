/**
 * Lead-ins: the text before a command that may say what it does ("查看日志：", "Then run …"),
 * and the prose a section keeps for its concept card.
 */
import type { ListInfo } from './blocks.ts';
import { endsWithColon, sentences } from './text.ts';

export interface Lead {
  lines: string[];
  line: number;
  list?: ListInfo;
  colon: boolean;
  prose: Prose[];
  /** How many list items deep the lead-in sits. */
  depth: number;
}

export interface Prose {
  text: string;
  line: number;
  used: boolean;
  /** The section's opening paragraph: it also describes the section's subject. */
  first: boolean;
}

/** A step of a procedure ("首先要安装 …", "Then run …") says what to do, not what something is. */
export const STEP = /^(?:首先|然后|接着|接下来|最后)|^(?:first|then|next|finally)\b/i;

/** Words that show a paragraph is about doing something (so it can introduce a command). */
export const DOING = /以下|下面|如下|命令|执行|运行|使用|用|通过|可以|创建|启动|查看|设置|指定|定义|删除|挂载|安装|进入|输入|修改|清理|导出|导入|拉取|推送|构建|\b(?:run|use|using|create|start|stop|install|add|remove|type|enter|following|below|example|command|check|set|get|make|build|download|pass|see|open)\b/i;

/**
 * Can this paragraph introduce the command below it? Short lines, lines ending in a colon and
 * sentences about doing something can; a statement of fact ("链接的本质就是…") cannot.
 */
export function isLeadIn(text: string): boolean {
  const t = text.trim();
  return t.length <= 40 || endsWithColon(t) || DOING.test(t);
}

/** What an opening paragraph says about the subject, without the sentence that leads into a command. */
export function openingSense(text: string): string {
  if (!endsWithColon(text)) return text;
  const parts = sentences(text);
  return parts.length > 1 ? parts.slice(0, -1).join('') : '';
}

/**
 * A long lead-in paragraph usually ends with the sentence about the command below it
 * ("…要清理请使用以下命令："); "标签：说明" starts with its own title.
 */
export function shapeLead(lines: string[]): string[] {
  if (lines.length !== 1) return lines;
  const t = lines[0]!.trim();
  const label = /^([^。！？!?，,：:]{2,24})[：:]\s*(\S[\s\S]*)$/.exec(t);
  if (label) return [label[1]!, label[2]!];
  if (t.length > 100 || endsWithColon(t)) {
    const parts = sentences(t);
    if (parts.length >= 2) {
      const last = parts[parts.length - 1]!;
      return [last, parts.slice(0, -1).join('')];
    }
  }
  return lines;
}
