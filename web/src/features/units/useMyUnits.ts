import { MyUnitsDocument, type MyUnitsQuery } from '../../gql/graphql';
import { useAuth } from '../../auth/AuthContext';
import { useQuery, type QueryState } from '../../graphql/useGraphQL';

export type MyUnit = NonNullable<MyUnitsQuery['myUnits']>[number];

/** The signed-in person's units (none while signed out): one request per screen that needs them. */
export function useMyUnits(): QueryState<MyUnitsQuery> & { units: MyUnit[] } {
  const { session } = useAuth();
  const state = useQuery(MyUnitsDocument, session ? {} : null);
  return { ...state, units: state.answer?.data?.myUnits ?? [] };
}
