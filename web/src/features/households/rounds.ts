import type { TestingRoundsOfUnitQuery } from '../../gql/graphql';

export type RoundSummary = NonNullable<TestingRoundsOfUnitQuery['testingRounds']>[number];

/** The window of dates the list starts with: today ± days (calendar dates, YYYY-MM-DD). */
export function roundWindow(today: string, days: number): { from: string; to: string } {
  const shift = (n: number) => {
    const [y, m, d] = today.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
  };
  return { from: shift(-days), to: shift(days) };
}

const dayNumber = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000;

/**
 * Each of my units with its rounds, each round once, under the most specific of my units that lists it (myUnits
 * comes most general first, and a unit's rounds include those of the units containing it): today's first, then the
 * nearest dates, later before earlier on a tie.
 */
export function roundsByUnit<U extends { id: string }>(
  lists: { unit: U; rounds: RoundSummary[] }[],
  today: string,
): { unit: U; rounds: RoundSummary[] }[] {
  const home = new Map<string, number>();
  lists.forEach((l, i) => l.rounds.forEach((r) => home.set(r.id, i)));
  const t = dayNumber(today);
  const order = (a: RoundSummary, b: RoundSummary) =>
    Math.abs(dayNumber(a.date) - t) - Math.abs(dayNumber(b.date) - t) || b.date.localeCompare(a.date) || a.round - b.round;
  return lists.map((l, i) => ({ unit: l.unit, rounds: l.rounds.filter((r) => home.get(r.id) === i).sort(order) }));
}
