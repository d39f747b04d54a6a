import type { Lang } from './messages';

/** The city's zone: every time the console shows is Taiyuan's, wherever the browser is. */
export const CITY_ZONE = 'Asia/Shanghai';

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-GB');

/** Today's date in the city (YYYY-MM-DD), the default "as of" of every look-up. */
export function todayInCity(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CITY_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now);
}

/** An instant (ISO-8601 with offset) as the city's wall-clock time. */
export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: CITY_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD, no zone): shown as that date, never shifted by the browser's zone. */
export function formatDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}
