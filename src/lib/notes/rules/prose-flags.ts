/**
 * Flags explained inside running text rather than in a list:
 *   "可以通过`-f`选项单独给出 Dockerfile 的路径。"   "这里的`-t`参数是用来指定镜像名称的。"
 *   "The `-w` option sets the working directory."
 * Only a flag in code or named as an option/参数 counts, so a dash in a sentence is never a flag.
 */
import type { FlagDef } from '../patterns.ts';

const FLAG = String.raw`-{1,2}[A-Za-z][\w-]*`;
const ZH = new RegExp(String.raw`\`(${FLAG})\`\s*(?:选项|參數|参数|選項)\s*(?:的作用)?\s*(?:是|为|可以)?\s*(?:用来|用於|用于|来)?\s*([^。！？!?；;，,]{4,60})`, 'g');
const EN = new RegExp(String.raw`\b[Tt]he\s+\`?(${FLAG})\`?\s+(?:option|flag|switch)\s+(?:is used to\s+|will\s+|lets you\s+)?([a-z][^.;:!?]{3,80})`, 'g');

/** Flag definitions stated in a paragraph of prose, in order. */
export function proseFlags(text: string): (FlagDef & { at: number })[] {
  if (!text.includes('-')) return [];
  const out: (FlagDef & { at: number })[] = [];
  for (const re of [ZH, EN]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m && out.length < 20; m = re.exec(text)) {
      const desc = m[2]!.replace(/[的\s.。]+$/, '').replace(/`/g, '').trim();
      if (desc.length >= 4) out.push({ flag: m[1]!, aliases: [], desc, at: m.index });
    }
  }
  return out;
}
