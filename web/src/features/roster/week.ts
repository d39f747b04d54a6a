import { CITY_ZONE, todayInCity } from '../../i18n/time';

/**
 * The roster's week in the city: Monday to Sunday in Asia/Shanghai (UTC+8 all year, no daylight saving), so a day's
 * bounds are that date's midnight at +08:00 whatever the browser's zone.
 */
export interface Week {
  /** The Monday (YYYY-MM-DD) */
  monday: string;
  /** The seven dates, Monday first */
  days: string[];
  /** Monday 00:00 in the city (ISO-8601 with offset) */
  from: string;
  /** The next Monday 00:00 in the city (exclusive) */
  to: string;
}

const CITY_OFFSET = '+08:00';

/** A calendar date moved by whole days (calendar arithmetic in UTC, never shifted by a zone). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The week holding a date (the city's today by default). */
export function weekOf(date: string = todayInCity()): Week {
  const [y, m, d] = date.split('-').map(Number);
  const sinceMonday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  const monday = addDays(date, -sinceMonday);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  return { monday, days, from: `${monday}T00:00:00${CITY_OFFSET}`, to: `${addDays(monday, 7)}T00:00:00${CITY_OFFSET}` };
}

/** The city's date of an instant. */
export function cityDate(iso: string): string {
  return todayInCity(new Date(iso));
}

/** The city's wall-clock time of an instant, HH:mm. */
export function cityTime(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: CITY_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(iso));
}

export interface ShiftLike {
  id: string;
  startsAt: string;
  endsAt: string;
  requiredHeadcount: number;
  cancelled: boolean;
  assignments?: ({ status: string } | null)[] | null;
}

/** A shift on the board: its people on duty and the places still free (a coverage gap when above 0). */
export type BoardShift<S extends ShiftLike> = S & { staffed: number; free: number; ended: boolean };

export interface BoardDay<S extends ShiftLike> {
  date: string;
  shifts: BoardShift<S>[];
  /** Places still free over the day's shifts that are not cancelled and not over */
  gaps: number;
}

/**
 * The week's grid: each day with its shifts by start (a shift belongs to the day it starts on in the city), each
 * with how many are on it and how many places are free. A cancelled shift has no gap.
 */
export function weekGrid<S extends ShiftLike>(week: Week, shifts: (S | null)[], now: Date = new Date()): BoardDay<S>[] {
  const byDay = new Map<string, BoardShift<S>[]>(week.days.map((d) => [d, []]));
  for (const s of shifts) {
    if (!s) continue;
    const day = byDay.get(cityDate(s.startsAt));
    if (!day) continue;
    const staffed = (s.assignments ?? []).filter((a) => a?.status === 'ACTIVE').length;
    const ended = new Date(s.endsAt).getTime() <= now.getTime();
    day.push({ ...s, staffed, free: s.cancelled ? 0 : Math.max(0, s.requiredHeadcount - staffed), ended });
  }
  return week.days.map((date) => {
    const list = byDay.get(date)!.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    return { date, shifts: list, gaps: list.filter((s) => !s.ended).reduce((n, s) => n + s.free, 0) };
  });
}

export interface PostLike {
  name: string;
  activeUntil?: string | null;
}

/** Open posts first (not closed, or closing later), then by name; closed ones after them. */
export function sortPosts<P extends PostLike>(posts: (P | null)[], now: Date = new Date()): (P & { open: boolean })[] {
  return posts
    .filter((p): p is P => p !== null)
    .map((p) => ({ ...p, open: !p.activeUntil || new Date(p.activeUntil).getTime() > now.getTime() }))
    .sort((a, b) => Number(b.open) - Number(a.open) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** A day's heading: "12月7日周一" / "Mon 7 December" (the calendar date, never shifted by a zone). */
export function formatDay(date: string, lang: 'zh' | 'en'): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'UTC', month: 'long', day: 'numeric', weekday: 'short' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}
