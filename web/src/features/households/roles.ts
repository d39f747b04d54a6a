import type { HouseholdTestStatus, OrgKind } from '../../gql/graphql';

/** Staff of a round: they list the round's whole unit; the server decides what each may read and do. */
const STAFF = ['community-admin', 'district-officer', 'system-admin'];
/** recordHouseholdTest's field staff roles (RosterAccess.FIELD_STAFF): district officers read, they do not record. */
const RECORDERS = ['community-admin', 'grid-worker', 'volunteer', 'system-admin'];
/** POSITIVE (and corrections): administrators and grid workers, never a volunteer captain. */
const RESULT_RECORDERS = ['community-admin', 'grid-worker', 'system-admin'];
/** completeTestingRound, generateMissedTasks: the community's administrators. */
const MANAGERS = ['community-admin', 'system-admin'];

const has = (roles: string[], wanted: string[]) => roles.some((r) => wanted.includes(r));

/** The statuses a person is offered at a door, in the order of the buttons. */
export function statusOptions(roles: string[]): HouseholdTestStatus[] {
  if (!has(roles, RECORDERS)) return [];
  const options: HouseholdTestStatus[] = ['TESTED', 'NOT_AT_HOME', 'REFUSED', 'ISOLATED'];
  return has(roles, RESULT_RECORDERS) ? [...options, 'POSITIVE'] : options;
}

export function mayManageRounds(roles: string[]): boolean {
  return has(roles, MANAGERS);
}

/** A status needs a reason (REFUSED, ISOLATED): the server refuses it without one. */
export function needsReason(status: HouseholdTestStatus): boolean {
  return status === 'REFUSED' || status === 'ISOLATED';
}

/** A status carries the number of people sampled. */
export function countsPeople(status: HouseholdTestStatus): boolean {
  return status === 'TESTED' || status === 'POSITIVE';
}

/**
 * The parts of a round a person lists (the unitId of its households' lists): staff the round's whole unit (null);
 * grid workers and captains the grids and buildings they answer for, from myUnits (a grid worker's grid, a captain's
 * building). Nothing to name: the round's unit, and the server says whether they may.
 */
export function listScopes(roles: string[], units: { id: string; kind: OrgKind; name: string }[]): { id: string | null; name: string | null }[] {
  if (has(roles, STAFF)) return [{ id: null, name: null }];
  const mine = units.filter((u) => u.kind === 'GRID' || u.kind === 'BUILDING').map((u) => ({ id: u.id, name: u.name }));
  return mine.length > 0 ? mine : [{ id: null, name: null }];
}
