import { describe, expect, it } from 'vitest';
import { coverageGrid, type Gap } from './coverageGrid';

const gate = { id: 'p1', name: '书林苑北门卡口' };
const days = ['2026-12-07', '2026-12-08'];
/** City hours (UTC+8) of a day as the API's instants. */
const hours = (date: string, from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => new Date(Date.parse(`${date}T00:00:00+08:00`) + (from + i) * 3_600_000).toISOString());

describe('coverageGrid', () => {
  it('puts a run of short hours into its city day as one segment, the rest of the day covered', () => {
    const gaps: Gap[] = [{ post: gate, hours: hours('2026-12-07', 8, 20), required: 2, staffed: 1, hasShift: true }];
    const [post] = coverageGrid(gaps, days);
    expect(post).toMatchObject({ postId: 'p1', postName: '书林苑北门卡口', shortHours: 12 });
    expect(post.days[0].segments).toEqual([
      { kind: 'covered', start: 0, length: 8 },
      { kind: 'gap', start: 8, length: 12, required: 2, staffed: 1, hasShift: true },
      { kind: 'covered', start: 20, length: 4 },
    ]);
    expect(post.days[1].segments).toEqual([{ kind: 'covered', start: 0, length: 24 }]);
  });

  it('splits a run across midnight in the city, whatever the instants say in UTC', () => {
    const gaps: Gap[] = [{ post: gate, hours: [...hours('2026-12-07', 20, 24), ...hours('2026-12-08', 0, 8)], required: 2, staffed: 0, hasShift: false }];
    const [post] = coverageGrid(gaps, days);
    expect(post.days[0].segments.at(-1)).toEqual({ kind: 'gap', start: 20, length: 4, required: 2, staffed: 0, hasShift: false });
    expect(post.days[1].segments[0]).toEqual({ kind: 'gap', start: 0, length: 8, required: 2, staffed: 0, hasShift: false });
  });

  it('counts an hour of two overlapping short shifts once, with the larger shortfall', () => {
    const gaps: Gap[] = [
      { post: gate, hours: hours('2026-12-07', 8, 10), required: 2, staffed: 1, hasShift: true },
      { post: gate, hours: hours('2026-12-07', 9, 11), required: 2, staffed: 0, hasShift: true },
    ];
    const [post] = coverageGrid(gaps, days);
    expect(post.shortHours).toBe(3);
    expect(post.days[0].segments.filter((s) => s.kind === 'gap')).toEqual([
      { kind: 'gap', start: 8, length: 1, required: 2, staffed: 1, hasShift: true },
      { kind: 'gap', start: 9, length: 2, required: 2, staffed: 0, hasShift: true },
    ]);
  });

  it('keeps the posts apart in the API order, leaves out hours outside the week and gaps without a readable post', () => {
    const other = { id: 'p2', name: '党员先锋岗' };
    const gaps: (Gap | null)[] = [
      { post: other, hours: hours('2026-12-08', 0, 1), required: 1, staffed: 0, hasShift: true },
      { post: gate, hours: hours('2026-12-09', 0, 5), required: 2, staffed: 0, hasShift: false },
      { post: null, hours: hours('2026-12-07', 0, 5), required: 2, staffed: 0, hasShift: false },
      null,
    ];
    expect(coverageGrid(gaps, days).map((p) => [p.postId, p.shortHours])).toEqual([['p2', 1]]);
  });

  it('answers no posts for no gaps', () => {
    expect(coverageGrid([], days)).toEqual([]);
  });
});
