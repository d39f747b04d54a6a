import { describe, expect, it } from 'vitest';
import { addDays, daysOf, linear, niceMax, pointsOf, seriesOf } from './trendSeries';

describe('days', () => {
  it('moves calendar dates across months and years without any zone', () => {
    expect(addDays('2022-11-30', 1)).toBe('2022-12-01');
    expect(addDays('2023-01-01', -1)).toBe('2022-12-31');
    expect(addDays('2024-03-01', -29)).toBe('2024-02-01');
  });
  it('lists every day of a window, both ends included', () => {
    expect(daysOf('2022-11-29', '2022-12-02')).toEqual(['2022-11-29', '2022-11-30', '2022-12-01', '2022-12-02']);
    expect(daysOf('2022-12-02', '2022-12-02')).toEqual(['2022-12-02']);
    expect(daysOf('2022-12-03', '2022-12-02')).toEqual([]);
  });
});

describe('seriesOf', () => {
  it('gives each district a high and a low value for every day, 0 where the answer has none', () => {
    const series = seriesOf([
      { date: '2022-11-29', district: '小店区', level: 'HIGH', count: 3 },
      { date: '2022-11-30', district: '小店区', level: 'HIGH', count: 5 },
      { date: '2022-11-30', district: '小店区', level: 'LOW', count: 2 },
      { date: '2022-11-30', district: '迎泽区', level: 'LOW', count: 1 },
    ], '2022-11-29', '2022-12-01');
    expect(series).toEqual([
      { district: '小店区', days: ['2022-11-29', '2022-11-30', '2022-12-01'], high: [3, 5, 0], low: [0, 2, 0] },
      { district: '迎泽区', days: ['2022-11-29', '2022-11-30', '2022-12-01'], high: [0, 0, 0], low: [0, 1, 0] },
    ]);
  });
  it('leaves out other levels and days outside the window', () => {
    expect(seriesOf([
      { date: '2022-11-30', district: '小店区', level: 'MEDIUM', count: 4 },
      { date: '2022-12-05', district: '小店区', level: 'HIGH', count: 4 },
    ], '2022-11-29', '2022-11-30')).toEqual([]);
  });
  it('orders districts by their Chinese names', () => {
    const names = seriesOf([
      { date: '2022-11-30', district: '迎泽区', level: 'HIGH', count: 1 },
      { date: '2022-11-30', district: '杏花岭区', level: 'HIGH', count: 1 },
      { date: '2022-11-30', district: '小店区', level: 'HIGH', count: 1 },
    ], '2022-11-30', '2022-11-30').map((s) => s.district);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh')));
    expect(names).toHaveLength(3);
  });
});

describe('scales', () => {
  it('rounds the top of the axis up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax([])).toBe(1);
    expect(niceMax([0, 0])).toBe(1);
    expect(niceMax([3])).toBe(5);
    expect(niceMax([7, 2])).toBe(10);
    expect(niceMax([11])).toBe(20);
    expect(niceMax([20])).toBe(20);
    expect(niceMax([230])).toBe(500);
  });
  it('maps a domain linearly onto a range, also reversed (SVG y grows downwards)', () => {
    const y = linear(0, 10, 100, 0);
    expect(y(0)).toBe(100);
    expect(y(5)).toBe(50);
    expect(y(10)).toBe(0);
    expect(linear(3, 3, 0, 200)(3)).toBe(100);
  });
  it('makes polyline points, one per value', () => {
    expect(pointsOf([0, 5, 10], linear(0, 2, 0, 100), linear(0, 10, 50, 0))).toBe('0,50 50,25 100,0');
  });
});
