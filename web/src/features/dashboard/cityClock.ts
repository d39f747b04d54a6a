import type { Lang } from '../../i18n/messages';
import { CITY_ZONE } from '../../i18n/time';

/** Asia/Shanghai has kept UTC+8 without daylight saving since 1991: the city's wall clock is a fixed shift. */
const CITY_OFFSET_MS = 8 * 3_600_000;
const HOUR_MS = 3_600_000;

/** An instant on the city's wall clock: its date (YYYY-MM-DD) and hour (0..23). */
export function cityHour(instant: string | Date): { date: string; hour: number } {
  const shifted = new Date(new Date(instant).getTime() + CITY_OFFSET_MS);
  return { date: shifted.toISOString().slice(0, 10), hour: shifted.getUTCHours() };
}

/** The instant a city date and hour start at, as ISO-8601 with the city's offset (what the API's DateTime takes). */
export function cityInstant(date: string, hour = 0): string {
  return `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;
}

/** The city date n days after a date. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 24 * HOUR_MS).toISOString().slice(0, 10);
}

/**
 * The windows the dashboard asks for at an instant: the week of coverage from the current hour to the end of the
 * sixth day after today, its seven days, and the current hour (shifts under way now). They change once an hour, so a
 * poll asks the same question and a new hour asks anew.
 */
export function dashboardWindow(now: Date): {
  weekFrom: string;
  weekTo: string;
  hourFrom: string;
  hourTo: string;
  days: string[];
} {
  const { date, hour } = cityHour(now);
  const days = Array.from({ length: 7 }, (_, i) => addDays(date, i));
  const hourFrom = cityInstant(date, hour);
  const next = cityHour(new Date(Date.parse(hourFrom) + HOUR_MS));
  return { weekFrom: hourFrom, weekTo: cityInstant(addDays(date, 7)), hourFrom, hourTo: cityInstant(next.date, next.hour), days };
}

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-GB');

/** A city date as a short row label: "12月7日 周一" / "Mon 7 Dec". */
export function formatDay(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', month: 'short', day: 'numeric', weekday: 'short' })
    .format(new Date(`${date}T00:00:00Z`));
}

/** An instant's time of day in the city: "08:00". */
export function formatTime(instant: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone: CITY_ZONE, hour: '2-digit', minute: '2-digit', hour12: false })
    .format(new Date(instant));
}
