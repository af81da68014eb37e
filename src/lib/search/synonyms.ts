/**
 * Words people use for the same thing when they ask about Docker, in both languages: a small,
 * curated table for this domain (a general thesaurus would join words Docker keeps apart —
 * "export" is not "save", EXPOSE is not publishing). A query word finds its synonyms too, at a
 * discount, so "移除镜像" finds "删除镜像" and "watch logs" finds "follow the log output".
 */
const GROUPS: readonly string[] = [
  // zh
  '删除 移除 删掉 去掉 清除',
  '清理 释放 清空',
  '后台 守护',
  '开机自启 开机启动 自动启动 自启动 自动重启 开机 服务器重启 重启后',
  '端口映射 发布端口 映射端口',
  '挂载 卷',
  '查看 显示 列出 查询 看看',
  '进入 登录 登入',
  '立刻 立即 马上',
  '停止 关闭 停掉 终止',
  '启动 运行 开启',
  '重命名 改名 换名',
  '镜像 映像',
  '日志 输出',
  '复制 拷贝 拷到',
  '下载 拉取',
  '上传 推送',
  '限制 上限 限定',
  '空间 磁盘 硬盘',
  '显卡 gpu',
  '大小 体积',
  '构建 制作 打包 编译',
  '备份 导出',
  '还原 导入 恢复',
  '报错 错误 失败',
  '宿主机 主机 本机',
  // en
  'remove delete erase rid',
  'list show display view',
  'stop halt shutdown',
  'start launch',
  'follow watch stream live',
  'shell terminal console bash',
  'disk storage space',
  'memory ram',
  'copy transfer',
  'folder directory dir',
  'env environment variable variables',
  'background detached daemon',
  'clean cleanup prune purge reclaim',
  'download pull fetch',
  'upload push',
  'reboot restart boot',
  'automatically auto automatic',
  'limit cap restrict',
  'error failure fail crash crashes crashed',
  'enter ssh',
  'size big large',
  'use uses using used usage',
  'cache cached caching',
];

const BY_WORD: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const line of GROUPS) {
    const words = line.split(' ');
    for (const w of words) map.set(w, [...(map.get(w) ?? []), ...words.filter((o) => o !== w)]);
  }
  return map;
})();

/** Chinese entries, longest first, for finding them inside a run of Chinese text. */
const CJK_WORDS: readonly string[] = [...BY_WORD.keys()].filter((w) => /[\u3400-\u9fff]/.test(w)).sort((a, b) => b.length - a.length);

/** Other words for a folded word ("delete" → remove, erase). */
export function synonymsOf(word: string): readonly string[] {
  return BY_WORD.get(word) ?? [];
}

export interface RunSynonym {
  /** Where the word stands in the run, and how long it is. */
  at: number;
  length: number;
  others: readonly string[];
}

/** Synonym-table words inside a Chinese run ("移除镜像" → 移除 at 0), not overlapping, longest first. */
export function synonymsInRun(run: string): RunSynonym[] {
  const out: RunSynonym[] = [];
  const taken = new Uint8Array(run.length);
  for (const w of CJK_WORDS) {
    for (let at = run.indexOf(w); at !== -1; at = run.indexOf(w, at + 1)) {
      if (taken.subarray(at, at + w.length).some(Boolean)) continue;
      taken.fill(1, at, at + w.length);
      out.push({ at, length: w.length, others: BY_WORD.get(w)! });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The run with each synonym-table word replaced by another of its group, a few at most: "移除镜像" → 删除镜像, 删掉镜像… */
export function runVariants(run: string, max = 8): string[] {
  const out: string[] = [];
  for (const s of synonymsInRun(run)) {
    for (const o of s.others) {
      if (out.length >= max) return out;
      out.push(run.slice(0, s.at) + o + run.slice(s.at + s.length));
    }
  }
  return out;
}
