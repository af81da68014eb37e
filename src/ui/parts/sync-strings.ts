/**
 * The sync screen's text, zh and en. Kept out of strings.ts on purpose: it loads with the
 * Sync panel, so the first render (npm run size) does not carry it for people who never sync.
 */
import type { Lang } from '../../lib/notes/card.ts';
import { fillTemplate } from '../fill.ts';
import type { SyncProblem } from '../../lib/sync/server.ts';

const en = {
  syncTitle: 'Sync',
  syncHint: 'Keep a phone and a laptop in step through your own CouchDB server. Nothing leaves this device unless sync is on.',
  syncUrl: 'Server address',
  syncUser: 'User name',
  syncPassword: 'Password',
  syncDatabase: 'Database',
  syncStart: 'Turn on sync',
  syncNow: 'Sync now',
  syncStop: 'Stop syncing',
  syncHttpWarning: 'Plain http sends your password and notes unencrypted. Deckhand connects over plain http only to this device (localhost); use https for a server elsewhere.',
  syncOff: 'Off. Your progress stays on this device.',
  syncConnecting: 'Connecting…',
  syncSyncing: 'Syncing…',
  syncUpToDate: 'Up to date · last synced {time}',
  syncOffline: 'Offline — will retry when the connection is back. Last synced: {time}.',
  syncNever: 'never',
  syncStopped: 'Sync is off. Everything stays on this device.',
  syncVersions: 'Deck versions kept after a conflict',
  syncVersionOf: '{name} · edited {time}',
  syncRestore: 'Restore',
  syncRestored: 'Restored {name}.',
  syncMemory: 'Sync needs this browser’s storage, which is not available now.',
  'problem.insecure': 'Plain http would send your password in the clear: use an https address (plain http works only for localhost).',
  'problem.bad-url': 'That is not a server address. Enter one like https://couch.example.org',
  'problem.auth': 'Wrong user name or password. Correct them, then press Sync now.',
  'problem.unreachable': 'No server answers at this address. Check the address and that the server is running; Deckhand keeps retrying.',
  'problem.cors': 'The server answered but does not allow this app: enable CORS on the server (see the README), then press Sync now.',
  'problem.not-couchdb': 'This address is not a CouchDB server. Enter the address of your CouchDB.',
  'problem.too-old': 'This server is too old: Deckhand needs CouchDB 2 or newer.',
  'problem.no-database': 'The database does not exist and this user may not create it. Create it as the server admin, or enter a database this user may write to.',
  'problem.quota': 'Out of space, on this device or on the server. Free some space, then press Sync now.',
  'problem.offline': 'Offline — will retry when the connection is back.',
  'problem.unknown': 'Sync stopped on an unexpected error. Press Sync now to try again.',
} as const;

export type SyncStringKey = keyof typeof en;

const zh: Record<SyncStringKey, string> = {
  syncTitle: '同步',
  syncHint: '通过你自己的 CouchDB 服务器让手机和电脑保持一致。除非开启同步，任何数据都不会离开本设备。',
  syncUrl: '服务器地址',
  syncUser: '用户名',
  syncPassword: '密码',
  syncDatabase: '数据库',
  syncStart: '开启同步',
  syncNow: '立即同步',
  syncStop: '停止同步',
  syncHttpWarning: '普通 http 会以明文发送密码和笔记。Deckhand 只对本机（localhost）使用普通 http；其他服务器请使用 https。',
  syncOff: '未开启。你的进度只保存在本设备上。',
  syncConnecting: '正在连接…',
  syncSyncing: '正在同步…',
  syncUpToDate: '已是最新 · 上次同步 {time}',
  syncOffline: '离线 — 网络恢复后会自动重试。上次同步：{time}。',
  syncNever: '从未',
  syncStopped: '同步已关闭。所有数据都保留在本设备上。',
  syncVersions: '冲突后保留的卡组版本',
  syncVersionOf: '{name} · 编辑于 {time}',
  syncRestore: '恢复',
  syncRestored: '已恢复 {name}。',
  syncMemory: '同步需要浏览器存储，但当前不可用。',
  'problem.insecure': '普通 http 会以明文发送密码：请使用 https 地址（普通 http 只能用于 localhost）。',
  'problem.bad-url': '这不是服务器地址。请输入类似 https://couch.example.org 的地址。',
  'problem.auth': '用户名或密码错误。请改正后点击“立即同步”。',
  'problem.unreachable': '该地址没有服务器响应。请检查地址以及服务器是否在运行；Deckhand 会继续重试。',
  'problem.cors': '服务器有响应，但不允许本应用访问：请在服务器上启用 CORS（见 README），然后点击“立即同步”。',
  'problem.not-couchdb': '该地址不是 CouchDB 服务器。请输入你的 CouchDB 地址。',
  'problem.too-old': '服务器版本太旧：Deckhand 需要 CouchDB 2 或更新版本。',
  'problem.no-database': '数据库不存在，且该用户无权创建。请用管理员创建它，或填写该用户可写入的数据库。',
  'problem.quota': '空间不足（本设备或服务器）。请释放空间后点击“立即同步”。',
  'problem.offline': '离线 — 网络恢复后会自动重试。',
  'problem.unknown': '同步因意外错误停止。点击“立即同步”重试。',
};

const STRINGS: Record<Lang, Record<SyncStringKey, string>> = { en, zh };

export function syncText(lang: Lang, key: SyncStringKey, vars: Record<string, string | number> = {}): string {
  return fillTemplate(STRINGS[lang][key], vars, lang);
}

export function problemText(lang: Lang, problem: SyncProblem): string {
  return syncText(lang, `problem.${problem}`);
}
