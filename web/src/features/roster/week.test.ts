import { describe, expect, it } from 'vitest';
import { addDays, cityTime, formatDay, sortPosts, weekGrid, weekOf } from './week';

const shift = (id: string, startsAt: string, endsAt: string, required: number, people: string[] = [], cancelled = false) => ({
  id, startsAt, endsAt, requiredHeadcount: required, cancelled,
  assignments: people.map((status) => ({ status })),
});

describe('weekOf', () => {
  it('runs Monday to Sunday in the city, its bounds at midnight +08:00', () => {
    const w = weekOf('2022-12-08'); // a Thursday
    expect(w.monday).toBe('2022-12-05');
    expect(w.days).toEqual(['2022-12-05', '2022-12-06', '2022-12-07', '2022-12-08', '2022-12-09', '2022-12-10', '2022-12-11']);
    expect(w.from).toBe('2022-12-05T00:00:00+08:00');
    expect(w.to).toBe('2022-12-12T00:00:00+08:00');
  });

  it('keeps a Sunday in the week before it and crosses months and years', () => {
    expect(weekOf('2022-12-11').monday).toBe('2022-12-05');
    expect(weekOf('2023-01-01').monday).toBe('2022-12-26');
    expect(addDays('2022-12-26', 7)).toBe('2023-01-02');
  });
});

describe('weekGrid', () => {
  const week = weekOf('2022-12-05');
  const before = new Date('2022-12-01T00:00:00Z');

  it('puts each shift on the city day it starts, by start, with its free places', () => {
    const days = weekGrid(week, [
      shift('night', '2022-12-05T12:00:00Z', '2022-12-06T00:00:00Z', 2, ['ACTIVE']), // 20:00–08:00 in the city
      shift('day', '2022-12-05T00:00:00Z', '2022-12-05T12:00:00Z', 2, ['ACTIVE', 'ACTIVE']),
      shift('early', '2022-12-05T17:00:00Z', '2022-12-05T21:00:00Z', 1), // Tuesday 01:00 in the city
    ], before);
    expect(days[0].shifts.map((s) => [s.id, s.staffed, s.free])).toEqual([['day', 2, 0], ['night', 1, 1]]);
    expect(days[0].gaps).toBe(1);
    expect(days[1].shifts.map((s) => s.id)).toEqual(['early']);
    expect(days[1].gaps).toBe(1);
    expect(days[2].shifts).toEqual([]);
  });

  it('counts no gap for a cancelled shift, nor for one that is over', () => {
    const days = weekGrid(week, [
      shift('cancelled', '2022-12-06T00:00:00Z', '2022-12-06T12:00:00Z', 2, [], true),
      shift('over', '2022-12-06T12:00:00Z', '2022-12-07T00:00:00Z', 2),
    ], new Date('2022-12-07T01:00:00Z'));
    expect(days[1].shifts.map((s) => [s.id, s.free, s.ended])).toEqual([['cancelled', 0, true], ['over', 2, true]]);
    expect(days[1].gaps).toBe(0);
  });

  it('leaves out shifts outside the week and counts only active people', () => {
    const days = weekGrid(week, [
      shift('later', '2022-12-12T00:00:00Z', '2022-12-12T12:00:00Z', 1),
      shift('handed', '2022-12-09T00:00:00Z', '2022-12-09T12:00:00Z', 1, ['HANDED_OVER']),
      null,
    ], before);
    expect(days.flatMap((d) => d.shifts.map((s) => [s.id, s.free]))).toEqual([['handed', 1]]);
  });
});

describe('city time', () => {
  it('shows instants as Taiyuan wall-clock time and dates unshifted', () => {
    expect(cityTime('2022-12-05T00:00:00Z')).toBe('08:00');
    expect(cityTime('2022-12-05T12:00:00Z')).toBe('20:00');
    expect(formatDay('2022-12-05', 'zh')).toContain('12月5日');
    expect(formatDay('2022-12-05', 'en')).toContain('Mon');
  });
});

describe('sortPosts', () => {
  it('lists open posts first, each group by name', () => {
    const now = new Date('2022-12-05T00:00:00Z');
    const sorted = sortPosts([
      { name: 'B岗', activeUntil: '2022-12-01T00:00:00Z' },
      { name: 'C岗', activeUntil: null },
      null,
      { name: 'A岗', activeUntil: '2022-12-10T00:00:00Z' },
    ], now);
    expect(sorted.map((p) => [p.name, p.open])).toEqual([['A岗', true], ['C岗', true], ['B岗', false]]);
  });
});
