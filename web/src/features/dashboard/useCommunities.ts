import { useState } from 'react';
import { DashboardUnitsDocument } from '../../gql/graphql';
import { useQuery } from '../../graphql/useGraphQL';
import { useMyUnits } from '../units/useMyUnits';
import { communitiesOf, treeRootOf } from './communities';

/**
 * The communities the signed-in person may open: a community admin's own (from myUnits, one request), a district
 * officer's those of the district (one more request for its tree); a system administrator, linked to no unit, names
 * a unit by id and gets the communities of its tree.
 */
export function useCommunities() {
  const mine = useMyUnits();
  const [named, setNamed] = useState<string | null>(null);
  const root = named ?? treeRootOf(mine.units)?.id ?? null;
  const tree = useQuery(DashboardUnitsDocument, root ? { unit: root } : null);
  const communities = communitiesOf(named ? [] : mine.units, tree.answer?.data?.orgUnit ?? null);
  // the tree's query starts in the render after its root is known: waiting for it counts as loading from then
  const loading = mine.loading || (root !== null && !tree.answer && !tree.failure);
  const errors = [...(mine.answer?.errors ?? []), ...(tree.answer?.errors ?? [])];
  return { communities, loading, failure: mine.failure ?? tree.failure, errors, nameUnit: setNamed, reload: mine.reload };
}
