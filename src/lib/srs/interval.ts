/**
 * Short human labels for intervals, as shown on the Again / Hard / Good / Easy buttons.
 * en: "1m", "10m", "3h", "1d", "4d", "1.5mo", "2.1y"; zh: "1分钟", "3小时", "4天", "1.5个月", "2.1年".
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

const UNITS = {
  en: { m: 'm', h: 'h', d: 'd', mo: 'mo', y: 'y' },
  zh: { m: '分钟', h: '小时', d: '天', mo: '个月', y: '年' },
} as const;

export function formatInterval(ms: number, lang: string = 'en'): string {
  const u = lang === 'zh' ? UNITS.zh : UNITS.en;
  const t = Math.max(0, ms);
  if (t < HOUR) return `${Math.max(1, Math.round(t / MINUTE))}${u.m}`;
  if (t < DAY) return `${Math.round(t / HOUR)}${u.h}`;
  if (t < MONTH) return `${Math.round(t / DAY)}${u.d}`;
  if (t < YEAR) return `${oneDecimal(t / MONTH)}${u.mo}`;
  return `${oneDecimal(t / YEAR)}${u.y}`;
}

function oneDecimal(x: number): string {
  return String(Math.round(x * 10) / 10);
}
