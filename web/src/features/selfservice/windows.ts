import { todayInCity } from '../../i18n/time';

/** The windows of 我的值守, as instants (ISO-8601 with the city's offset). */
export interface WorkWindows {
  /** Monday 00:00 of this week in the city */
  from: string;
  /** Monday 00:00 of the week after next: "this week and next" ends there */
  to: string;
  /** the end of this week (its hours) */
  weekTo: string;
  /** now, whole minute: open shifts start after it, the last 30 days end at it */
  now: string;
  /** 30 days before now */
  monthFrom: string;
}

// China has kept UTC+8 all year since 1991: a city date at midnight is that date with +08:00.
const OFFSET = '+08:00';
const DAY_MS = 24 * 60 * 60 * 1000;

function cityMidnight(date: string): string {
  return `${date}T00:00:00${OFFSET}`;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  return new Date(d.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** This week (Monday first, as in China) and next, seen from `now` in the city. */
export function workWindows(now: Date): WorkWindows {
  const today = todayInCity(now);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = addDays(today, -weekday);
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  return {
    from: cityMidnight(monday),
    to: cityMidnight(addDays(monday, 14)),
    weekTo: cityMidnight(addDays(monday, 7)),
    now: minute.toISOString(),
    monthFrom: new Date(minute.getTime() - 30 * DAY_MS).toISOString(),
  };
}
