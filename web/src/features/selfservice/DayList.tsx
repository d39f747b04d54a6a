import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18n';
import { byDay } from './byDay';
import { dayLabel } from './shiftTime';

/** Items under a heading per city day, in order of their start. */
export function DayList<T>({ items, startOf, keyOf, children, testId }: {
  items: T[];
  startOf(item: T): string;
  keyOf(item: T): string;
  children(item: T): ReactNode;
  testId?(item: T): string;
}) {
  const { lang } = useI18n();
  return (
    <>
      {byDay(items, startOf).map((day) => (
        <div key={day.date} className="day">
          <h3>{dayLabel(day.date, lang)}</h3>
          <ul className="cards">
            {day.items.map((item) => (
              <li key={keyOf(item)} data-testid={testId?.(item)}>{children(item)}</li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
