import { describe, expect, it } from 'vitest';
import { listScopes, mayManageRounds, needsReason, statusOptions } from './roles';

describe('statusOptions', () => {
  it('offers POSITIVE to staff only, never to a volunteer captain', () => {
    expect(statusOptions(['grid-worker'])).toEqual(['TESTED', 'NOT_AT_HOME', 'REFUSED', 'ISOLATED', 'POSITIVE']);
    expect(statusOptions(['community-admin'])).toContain('POSITIVE');
    expect(statusOptions(['volunteer'])).toEqual(['TESTED', 'NOT_AT_HOME', 'REFUSED', 'ISOLATED']);
  });

  it('offers nothing to those who read but do not record (district officers)', () => {
    expect(statusOptions(['district-officer'])).toEqual([]);
    expect(statusOptions([])).toEqual([]);
  });

  it('asks a reason for REFUSED and ISOLATED', () => {
    expect(['TESTED', 'NOT_AT_HOME', 'REFUSED', 'ISOLATED', 'POSITIVE'].filter((s) => needsReason(s as never))).toEqual(['REFUSED', 'ISOLATED']);
  });

  it('lets the community administrators complete rounds', () => {
    expect(mayManageRounds(['community-admin'])).toBe(true);
    expect(mayManageRounds(['grid-worker', 'volunteer'])).toBe(false);
  });
});

describe('listScopes', () => {
  const units = [
    { id: 'c', kind: 'COMMUNITY' as const, name: '西贾社区' },
    { id: 'g', kind: 'GRID' as const, name: '西贾社区第一网格' },
    { id: 'b', kind: 'BUILDING' as const, name: '书林苑1号楼' },
  ];

  it("lists a round's whole unit for staff", () => {
    expect(listScopes(['community-admin'], units)).toEqual([{ id: null, name: null }]);
    expect(listScopes(['district-officer'], [])).toEqual([{ id: null, name: null }]);
  });

  it('lists the grids and buildings of grid workers and captains, not their community', () => {
    expect(listScopes(['grid-worker'], units.slice(0, 2)).map((s) => s.id)).toEqual(['g']);
    expect(listScopes(['volunteer'], [units[0], units[2]]).map((s) => s.id)).toEqual(['b']);
  });

  it("falls back to the round's unit (the server decides) without a grid or building", () => {
    expect(listScopes(['volunteer'], [units[0]])).toEqual([{ id: null, name: null }]);
  });
});
