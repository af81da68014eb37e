/**
 * The explainer's interface text, zh and en. Kept beside the explainer rather than in
 * src/ui/strings.ts because every screen that shows it is loaded lazily: these words must not
 * weigh on the first render (npm run size).
 */
import type { Lang } from '../../lib/notes/card.ts';
import { fillTemplate } from '../fill.ts';
import { i18n } from '../state/i18n.svelte.ts';

const en = {
  explainTitle: 'What each part does',
  explainLoading: 'Reading the command…',
  explainFailed: 'Could not load the explainer: {reason}',
  explainNothing: 'No Docker command found in this line.',
  explainWrappers: 'Run through: {words}',
  explainOthers: 'Other programs in this line (not Docker): {programs}',
  explainPageTitle: 'Explain a Docker command',
  explainInputLabel: 'Paste or type a command line',
  explainPlaceholder: 'docker run -d -p 8080:80 nginx',
  explainCopyLink: 'Copy a link to this explanation',
  explainThis: 'Explain this command',
} as const;

type Key = keyof typeof en;

const zh: Record<Key, string> = {
  explainTitle: '逐项解释',
  explainLoading: '正在解析命令…',
  explainFailed: '无法加载命令解释：{reason}',
  explainNothing: '这一行里没有 Docker 命令。',
  explainWrappers: '经由：{words}',
  explainOthers: '这一行里的其他程序（不是 Docker）：{programs}',
  explainPageTitle: '解释 Docker 命令',
  explainInputLabel: '粘贴或输入一行命令',
  explainPlaceholder: 'docker run -d -p 8080:80 nginx',
  explainCopyLink: '复制这个解释的链接',
  explainThis: '解释这条命令',
};

export const EXPLAIN_STRINGS: Record<Lang, Record<Key, string>> = { en, zh };

/** Explainer text in the interface language. */
export function t(key: Key, vars: Record<string, string | number> = {}): string {
  return fillTemplate(EXPLAIN_STRINGS[i18n.lang][key], vars, i18n.lang);
}
