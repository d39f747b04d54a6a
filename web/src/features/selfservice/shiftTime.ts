import { CITY_ZONE, todayInCity } from '../../i18n/time';
import type { Lang } from '../../i18n/messages';

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-GB');

function clock(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: CITY_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(iso));
}

/** A shift's hours in the city, "08:00–20:00"; ending on a later day: "20:00–次日08:00" / "20:00–08:00 (+1)". */
export function timeRange(startsAt: string, endsAt: string, lang: Lang): string {
  const days = Math.round(
    (Date.parse(`${todayInCity(new Date(endsAt))}T00:00:00Z`) - Date.parse(`${todayInCity(new Date(startsAt))}T00:00:00Z`))
      / 86_400_000,
  );
  if (days <= 0) return `${clock(startsAt)}–${clock(endsAt)}`;
  return lang === 'zh' ? `${clock(startsAt)}–次日${clock(endsAt)}` : `${clock(startsAt)}–${clock(endsAt)} (+${days})`;
}

/** A city date (YYYY-MM-DD) with its weekday, never shifted by the browser's zone: "12月7日 星期一" / "Mon 7 Dec". */
export function dayLabel(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', month: 'short', day: 'numeric', weekday: 'short' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}
