/**
 * Labelled child lines under a command bullet, as cheat sheets write them:
 *
 *   - `docker container ls`
 *     - 功能：列出正在运行的容器。      ← what the command does
 *     - 出现章节：3-2 命令行入门        ← where it appears: nothing to learn
 */

const MEANING = /^\s*(?:功能|作用|用途|说明|說明|描述|含义|含義|意思|释义|釋義|解释|解釋|description|purpose|meaning|what it does)\s*[:：]\s*(\S[\s\S]*)$/i;
const PLACE = /^\s*(?:出现章节|出現章節|出现于|出現於|章节|章節|参考|參考|参见|參見|来源|來源|see also|see|source|reference|references)\s*[:：]/i;

/** "功能：列出容器" → "列出容器"; null when the line is not a meaning label. */
export function meaningLabel(text: string): string | null {
  const m = MEANING.exec(text);
  return m ? m[1]!.trim() : null;
}

/** "出現章節：…", "See: …": a cross-reference, not an explanation. */
export function isPlaceLabel(text: string): boolean {
  return PLACE.test(text);
}

const MEANING_FIRST = /^\s*([^`：:]{2,40}?)\s*[：:]\s*`([^`]+)`\s*[。.;；]?\s*$/;

/** "启动docker服务：`systemctl start docker`" → the meaning and the code span's text (not yet read as a command). */
export function meaningFirst(text: string): { meaning: string; code: string } | null {
  const m = text.includes('`') ? MEANING_FIRST.exec(text) : null;
  return m ? { meaning: m[1]!.trim(), code: m[2]! } : null;
}
