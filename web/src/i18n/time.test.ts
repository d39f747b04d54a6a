import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, todayInCity } from './time';

describe('times in the city (Asia/Shanghai), whatever the browser zone', () => {
  it('shows an instant as Taiyuan wall-clock time', () => {
    // 16:30 UTC is half past midnight the next day in Taiyuan
    expect(formatDateTime('2022-11-30T16:30:00Z', 'zh')).toBe('2022/12/01 00:30');
    expect(formatDateTime('2022-11-30T16:30:00Z', 'en')).toBe('01/12/2022, 00:30');
  });

  it('takes today from the city calendar', () => {
    expect(todayInCity(new Date('2022-11-30T16:30:00Z'))).toBe('2022-12-01');
    expect(todayInCity(new Date('2022-11-30T15:59:00Z'))).toBe('2022-11-30');
  });

  it('shows a calendar date unshifted', () => {
    expect(formatDate('2022-11-30', 'zh')).toBe('2022年11月30日');
    expect(formatDate('2022-11-30', 'en')).toBe('30 November 2022');
  });
});
