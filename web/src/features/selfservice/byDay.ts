import { todayInCity } from '../../i18n/time';

export interface Day<T> {
  /** the city's date, YYYY-MM-DD */
  date: string;
  items: T[];
}

/** Items grouped by the city's date their start falls on, days in order, each day's items by start. */
export function byDay<T>(items: T[], startOf: (item: T) => string): Day<T>[] {
  const sorted = [...items].sort((a, b) => Date.parse(startOf(a)) - Date.parse(startOf(b)));
  const days: Day<T>[] = [];
  for (const item of sorted) {
    const date = todayInCity(new Date(startOf(item)));
    const last = days[days.length - 1];
    if (last && last.date === date) last.items.push(item);
    else days.push({ date, items: [item] });
  }
  return days;
}
