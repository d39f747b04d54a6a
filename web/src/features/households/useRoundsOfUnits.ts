import { useEffect, useState } from 'react';
import { TestingRoundsOfUnitDocument } from '../../gql/graphql';
import type { GraphQLError } from '../../graphql/client';
import { errorAt } from '../../graphql/errors';
import { useRun } from '../../graphql/useGraphQL';
import type { RoundSummary } from './rounds';

export interface UnitRounds<U> {
  unit: U;
  rounds: RoundSummary[];
  /** The unit's rounds refused or failed: shown at the unit. */
  error?: GraphQLError;
}

/** The rounds of each unit in a window of dates: one request per unit, all at once. */
export function useRoundsOfUnits<U extends { id: string }>(
  units: U[],
  window: { from: string; to: string } | null,
): { loading: boolean; lists: UnitRounds<U>[]; failure: string | null; reload(): void } {
  const run = useRun();
  const [state, setState] = useState<{ loading: boolean; lists: UnitRounds<U>[]; failure: string | null }>({
    loading: true,
    lists: [],
    failure: null,
  });
  const [tick, setTick] = useState(0);
  const key = JSON.stringify([units.map((u) => u.id), window]);
  useEffect(() => {
    if (window === null) return;
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    Promise.all(
      units.map((unit) =>
        run(TestingRoundsOfUnitDocument, { unitId: unit.id, from: window.from, to: window.to }).then(
          (answer) => ({ unit, rounds: answer.data?.testingRounds ?? [], error: errorAt(answer.errors, ['testingRounds']) }),
          (e: unknown) => ({ unit, rounds: [], error: { message: e instanceof Error ? e.message : String(e) } }),
        ),
      ),
    ).then((lists) => current && setState({ loading: false, lists, failure: null }));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, run, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}
