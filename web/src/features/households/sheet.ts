import type { HouseholdTestStatus, TestingRoundSheetQuery } from '../../gql/graphql';
import type { GraphQLError } from '../../graphql/client';
import { errorAt } from '../../graphql/errors';

/** The round's households as listed: its recorded statuses and its households still to visit. */
export type RoundLists = NonNullable<TestingRoundSheetQuery['households']>;
/** The round's progress per building and unit, in register order. */
export type ProgressLines = NonNullable<TestingRoundSheetQuery['round']>['progress']['byBuilding'];
type HouseholdFields = RoundLists['tests']['edges'][number]['node']['household'];

/** What stands for a household in the round (null: nobody has recorded it yet). */
export interface Standing {
  status: HouseholdTestStatus | null;
  testedCount: number | null;
  reason: string | null;
  accounted: boolean;
  recordedBy: string | null;
}

/** One door to record, as the sheet lists it. */
export interface HouseholdRow {
  id: string;
  buildingId: string;
  buildingName: string;
  unitLabel: string;
  room: string;
  headCount: number;
  contactName: string | null;
  contactPhone: string | null;
  /** The refusal at the contact fields (a district officer: FORBIDDEN), shown in their place. */
  contactRefused?: GraphQLError;
  standing: Standing;
  /** Still to visit: no status yet, not at home or refused (the server's missedHouseholds). */
  missed: boolean;
}

/** The outcomes: the household needs no further visit in this round. */
export function isOutcome(status: HouseholdTestStatus | null): boolean {
  return status === 'TESTED' || status === 'POSITIVE' || status === 'ISOLATED';
}

const roomOrder = new Intl.Collator('en', { numeric: true });

/**
 * Every household listed, once, in register order (building as the round's progress lists them, unit, room), from
 * the two lists of the round: the recorded statuses and the households still to visit (a household not at home is in
 * both). Recordings made on this device since the answer (`recorded`) stand over it until the next answer.
 */
export function householdRows(
  round: RoundLists,
  byBuilding: ProgressLines,
  errors: GraphQLError[],
  recorded: Record<string, Standing> = {},
): HouseholdRow[] {
  const rows = new Map<string, HouseholdRow>();
  const contactError = (list: 'tests' | 'missedHouseholds', i: number) =>
    errorAt(errors, ['households', list, 'edges', i, 'node', 'household', 'contactName']) ??
    errorAt(errors, ['households', list, 'edges', i, 'node', 'household', 'contactPhone']);
  const add = (household: HouseholdFields, standing: Standing, missed: boolean, refused?: GraphQLError) => {
    const before = rows.get(household.id);
    rows.set(household.id, {
      id: household.id,
      buildingId: household.building?.id ?? '',
      buildingName: household.building?.name ?? '',
      unitLabel: household.unitLabel,
      room: household.room,
      headCount: household.headCount,
      contactName: household.contactName,
      contactPhone: household.contactPhone,
      contactRefused: before?.contactRefused ?? refused,
      standing: before?.standing.status ? before.standing : standing,
      missed: (before?.missed ?? false) || missed,
    });
  };
  round.tests.edges.forEach(({ node }, i) => {
    if (!node.household) return;
    const { status, testedCount, reason, accounted, recordedBy } = node;
    add(node.household, { status, testedCount, reason, accounted, recordedBy }, !isOutcome(status), contactError('tests', i));
  });
  round.missedHouseholds.edges.forEach(({ node }, i) => {
    if (!node.household) return;
    const { status, reason, accounted } = node;
    add(node.household, { status, testedCount: null, reason, accounted, recordedBy: null }, true, contactError('missedHouseholds', i));
  });
  for (const [id, standing] of Object.entries(recorded)) {
    const row = rows.get(id);
    if (row) rows.set(id, { ...row, standing, missed: !isOutcome(standing.status) });
  }
  const buildingOrder = new Map<string, number>();
  byBuilding.forEach((line) => {
    if (!buildingOrder.has(line.building.id)) buildingOrder.set(line.building.id, buildingOrder.size);
  });
  const rank = (r: HouseholdRow) => buildingOrder.get(r.buildingId) ?? Number.MAX_SAFE_INTEGER;
  return [...rows.values()].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.buildingName.localeCompare(b.buildingName) ||
      roomOrder.compare(a.unitLabel, b.unitLabel) ||
      roomOrder.compare(a.room, b.room),
  );
}

/** A building's unit (单元) and its households, for the sheet's headings. */
export interface UnitGroup {
  key: string;
  buildingId: string;
  buildingName: string;
  unitLabel: string;
  rows: HouseholdRow[];
}

/** Rows grouped by building and unit, in the rows' order. */
export function groupByUnit(rows: HouseholdRow[]): UnitGroup[] {
  const groups: UnitGroup[] = [];
  for (const row of rows) {
    const key = `${row.buildingId}/${row.unitLabel}`;
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.rows.push(row);
    else groups.push({ key, buildingId: row.buildingId, buildingName: row.buildingName, unitLabel: row.unitLabel, rows: [row] });
  }
  return groups;
}

/** What the sheet shows: the missed households only, one building, one unit of it ('' for all). */
export interface SheetFilter {
  missedOnly: boolean;
  /** `${buildingId}/${unitLabel}`, or a building's id followed by '/*', or '' for all */
  place: string;
}

export function filterRows(rows: HouseholdRow[], filter: SheetFilter): HouseholdRow[] {
  return rows.filter((r) => {
    if (filter.missedOnly && !r.missed) return false;
    if (!filter.place) return true;
    const [building, unit] = filter.place.split('/');
    return r.buildingId === building && (unit === '*' || r.unitLabel === unit);
  });
}

/** The choices of the place filter: each building, then each of its units (a building without units: itself). */
export function placeOptions(rows: HouseholdRow[]): { value: string; building: string; unitLabel?: string }[] {
  const options: { value: string; building: string; unitLabel?: string }[] = [];
  for (const group of groupByUnit(rows)) {
    if (!options.some((o) => o.value === `${group.buildingId}/*`)) {
      options.push({ value: `${group.buildingId}/*`, building: group.buildingName });
    }
    if (group.unitLabel) options.push({ value: group.key, building: group.buildingName, unitLabel: group.unitLabel });
  }
  return options;
}
