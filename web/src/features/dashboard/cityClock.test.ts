import { describe, expect, it } from 'vitest';
import { addDays, cityHour, dashboardWindow } from './cityClock';

describe('cityClock', () => {
  it('reads an instant on the city clock (UTC+8), across the date line of UTC', () => {
    expect(cityHour('2026-12-07T17:30:00Z')).toEqual({ date: '2026-12-08', hour: 1 });
    expect(cityHour('2026-12-08T01:00:00+08:00')).toEqual({ date: '2026-12-08', hour: 1 });
  });

  it('adds days over a month end', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });

  it('asks for the week from the current city hour to the end of the sixth day after today, and for the current hour', () => {
    expect(dashboardWindow(new Date('2026-12-07T15:20:00Z'))).toEqual({
      weekFrom: '2026-12-07T23:00:00+08:00',
      weekTo: '2026-12-14T00:00:00+08:00',
      hourFrom: '2026-12-07T23:00:00+08:00',
      hourTo: '2026-12-08T00:00:00+08:00',
      days: ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13'],
    });
  });
});
