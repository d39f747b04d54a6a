import type { TestingRoundSheetQuery } from '../../gql/graphql';

type Round = NonNullable<TestingRoundSheetQuery['round']>;
type Lists = NonNullable<TestingRoundSheetQuery['households']>;

const building = { id: 'b1', name: '书林苑1号楼' };
export const door = (id: string, unitLabel: string, room: string, headCount = 3) => ({
  id, room, unitLabel, headCount, contactName: `住户${id}`, contactPhone: `1390351${id.padStart(4, '0')}`, building,
});

/** A building of two units: 1单元101 tested, 1单元102 not at home, 2单元101 and 2单元1001 not recorded yet. */
export function roundOf(overrides: Partial<Round> = {}): Round {
  return {
    id: 'r1', date: '2026-12-07', round: 1, rounds: 3, status: 'SCHEDULED',
    unit: { id: 'b1', name: '书林苑1号楼', kind: 'BUILDING' },
    progress: {
      households: 4, accounted: 1, missing: 3, people: 12, peopleTested: 3, buildings: 1, units: 2,
      byBuilding: [
        { building, unitLabel: '1单元', households: 2, accounted: 1, missing: 1, people: 6, peopleTested: 3 },
        { building, unitLabel: '2单元', households: 2, accounted: 0, missing: 2, people: 6, peopleTested: 0 },
      ],
    },
    ...overrides,
  };
}

/** The households of {@link roundOf}: two recorded (one not at home, so missed too), two still to visit. */
export function listsOf(): Lists {
  return {
    id: 'r1',
    tests: {
      totalCount: 2, pageInfo: { hasNextPage: false },
      edges: [
        { node: { status: 'TESTED', testedCount: 3, reason: null, accounted: true, recordedBy: 'grid-xijia-1', recordedAt: '2026-12-07T01:00:00Z', household: door('1', '1单元', '101') } },
        { node: { status: 'NOT_AT_HOME', testedCount: null, reason: null, accounted: false, recordedBy: 'volunteer-wang', recordedAt: '2026-12-07T01:05:00Z', household: door('2', '1单元', '102') } },
      ],
    },
    missedHouseholds: {
      totalCount: 3, pageInfo: { hasNextPage: false },
      edges: [
        { node: { status: 'NOT_AT_HOME', reason: null, accounted: false, recordedAt: '2026-12-07T01:05:00Z', household: door('2', '1单元', '102') } },
        { node: { status: null, reason: null, accounted: false, recordedAt: null, household: door('4', '2单元', '1001') } },
        { node: { status: null, reason: null, accounted: false, recordedAt: null, household: door('3', '2单元', '101') } },
      ],
    },
  };
}
