import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/I18n';
import { byDay } from './byDay';
import { ruleText } from './ruleText';
import { dayLabel, timeRange } from './shiftTime';
import { workWindows } from './windows';

describe('workWindows', () => {
  it('runs this week and next from Monday 00:00 in the city, whatever the browser zone', () => {
    // Sunday 2026-12-06 20:30 UTC is Monday 2026-12-07 04:30 in Taiyuan
    const w = workWindows(new Date('2026-12-06T20:30:15Z'));
    expect(w.from).toBe('2026-12-07T00:00:00+08:00');
    expect(w.weekTo).toBe('2026-12-14T00:00:00+08:00');
    expect(w.to).toBe('2026-12-21T00:00:00+08:00');
    expect(w.now).toBe('2026-12-06T20:30:00.000Z');
    expect(w.monthFrom).toBe('2026-11-06T20:30:00.000Z');
  });

  it('starts a Sunday in the city at the Monday before', () => {
    const w = workWindows(new Date('2026-12-13T10:00:00Z'));
    expect(w.from).toBe('2026-12-07T00:00:00+08:00');
  });
});

describe('byDay', () => {
  it('groups by the city date of the start, days and items in order', () => {
    const items = [
      { id: 'c', startsAt: '2026-12-08T00:00:00Z' },  // 08:00 on the 8th in the city
      { id: 'a', startsAt: '2026-12-07T12:00:00Z' },  // 20:00 on the 7th
      { id: 'b', startsAt: '2026-12-07T16:30:00Z' },  // 00:30 on the 8th
    ];
    expect(byDay(items, (i) => i.startsAt).map((d) => [d.date, d.items.map((i) => i.id)])).toEqual([
      ['2026-12-07', ['a']],
      ['2026-12-08', ['b', 'c']],
    ]);
  });

  it('is empty for nothing', () => {
    expect(byDay([], () => '')).toEqual([]);
  });
});

describe('shift times', () => {
  it('shows the hours in the city and a shift ending the next day', () => {
    expect(timeRange('2026-12-07T00:00:00Z', '2026-12-07T12:00:00Z', 'zh')).toBe('08:00–20:00');
    expect(timeRange('2026-12-07T12:00:00Z', '2026-12-08T00:00:00Z', 'zh')).toBe('20:00–次日08:00');
    expect(timeRange('2026-12-07T12:00:00Z', '2026-12-08T00:00:00Z', 'en')).toBe('20:00–08:00 (+1)');
  });

  it('names a day with its weekday without shifting it', () => {
    expect(dayLabel('2026-12-07', 'zh')).toContain('12月7日');
    expect(dayLabel('2026-12-07', 'zh')).toContain('周一');
    expect(dayLabel('2026-12-07', 'en')).toContain('Mon');
  });
});

describe('ruleText', () => {
  const zh = (key: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('zh', key, p);
  const en = (key: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('en', key, p);

  it("gives a roster rule's own sentence with its code, in both languages", () => {
    const overlap = { message: 'already on duty from …', extensions: { code: 'OVERLAPPING_SHIFT' } };
    expect(ruleText(overlap, zh)).toBe('与您已有的班次时间重叠，同一时间只能在一个岗位。（OVERLAPPING_SHIFT）');
    expect(ruleText(overlap, en)).toContain('It overlaps a shift you already have');
    for (const code of ['SHIFT_FULL', 'MAX_HOURS_EXCEEDED', 'MIN_REST_VIOLATED', 'NOT_QUALIFIED', 'FORBIDDEN']) {
      expect(ruleText({ message: 'x', extensions: { code } }, zh)).toMatch(new RegExp(`^[^A-Za-z]+（${code}）$`));
    }
  });

  it("gives the server's message for a code without a sentence, and for a failure without a code", () => {
    expect(ruleText({ message: 'shift 9 not found', extensions: { code: 'NOT_FOUND' } }, zh))
      .toBe('未能完成：NOT_FOUND: shift 9 not found');
    expect(ruleText({ message: 'HTTP 502' }, en)).toBe('Not done: HTTP 502');
  });
});
