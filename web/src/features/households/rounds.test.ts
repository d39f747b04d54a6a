import { describe, expect, it } from 'vitest';
import { roundsByUnit, roundWindow, type RoundSummary } from './rounds';

const round = (id: string, date: string): RoundSummary => ({
  id, date, round: 1, rounds: 1, status: 'SCHEDULED', unit: { id: 'u', name: 'u', kind: 'BUILDING' },
  progress: { households: 1, accounted: 0, missing: 1, people: 1, peopleTested: 0 },
});

describe('roundWindow', () => {
  it('spans today ± days, across months and years', () => {
    expect(roundWindow('2026-12-30', 3)).toEqual({ from: '2026-12-27', to: '2027-01-02' });
    expect(roundWindow('2026-03-01', 1)).toEqual({ from: '2026-02-28', to: '2026-03-02' });
  });
});

describe('roundsByUnit', () => {
  it('lists each round once, under the most specific unit that has it', () => {
    const community = { unit: { id: 'c' }, rounds: [round('all', '2026-12-07'), round('b1', '2026-12-07')] };
    const building = { unit: { id: 'b' }, rounds: [round('all', '2026-12-07'), round('b1', '2026-12-07')] };
    const other = { unit: { id: 'g' }, rounds: [round('all', '2026-12-07'), round('g1', '2026-12-06')] };
    const grouped = roundsByUnit([community, building, other], '2026-12-07');
    expect(grouped.map((g) => [g.unit.id, g.rounds.map((r) => r.id)])).toEqual([['c', []], ['b', ['b1']], ['g', ['all', 'g1']]]);
  });

  it("puts today's rounds first, then the nearest, later before earlier", () => {
    const grouped = roundsByUnit([{ unit: { id: 'b' }, rounds: [round('a', '2026-12-05'), round('b', '2026-12-06'), round('c', '2026-12-07'), round('d', '2026-12-08')] }], '2026-12-07');
    expect(grouped[0].rounds.map((r) => r.id)).toEqual(['c', 'd', 'b', 'a']);
  });
});
