import { describe, expect, it } from 'vitest';
import { progressBars } from './progress';

describe('progressBars', () => {
  it('fills the bars by households accounted for and people tested, in whole percent', () => {
    const bars = progressBars({ households: 30, accounted: 11, missing: 19, people: 80, peopleTested: 27 });
    expect(bars.households).toEqual({ done: 11, of: 30, percent: 36 });
    expect(bars.people).toEqual({ done: 27, of: 80, percent: 33 });
    expect(bars.complete).toBe(false);
  });

  it('is complete with nothing missing, and empty without households', () => {
    expect(progressBars({ households: 0, accounted: 0, missing: 0, people: 0, peopleTested: 0 })).toEqual({
      households: { done: 0, of: 0, percent: 0 }, people: { done: 0, of: 0, percent: 0 }, complete: true,
    });
  });

  it('never goes past a full bar (more people sampled than the register says)', () => {
    expect(progressBars({ households: 1, accounted: 1, missing: 0, people: 2, peopleTested: 3 }).people.percent).toBe(100);
  });
});
