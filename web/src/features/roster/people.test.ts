import { describe, expect, it } from 'vitest';
import { communityChoices } from './communities';
import type { MyUnit } from '../units/useMyUnits';
import { boardPeople, mayManageRoster } from './people';

describe('boardPeople', () => {
  it('offers an administrator the active volunteers by name, a volunteer the colleagues on the board', () => {
    const { staff, colleagues } = boardPeople(
      [{ id: '2', name: '孙涛', active: true }, { id: '1', name: '徐磊', active: true }, { id: '3', name: '停用', active: false }, null],
      [{ assignments: [{ volunteer: { id: '9', name: '王建国' } }, { volunteer: { id: '1', name: '徐磊' } }] }, null],
      { id: '9' },
    );
    expect(staff.map((s) => s.name)).toEqual(['孙涛', '徐磊']);
    expect(colleagues).toEqual([{ id: '1', name: '徐磊' }]);
  });

  it('lets community administrators and system administrators run a roster, nobody else', () => {
    expect(mayManageRoster(['community-admin'])).toBe(true);
    expect(mayManageRoster(['system-admin'])).toBe(true);
    expect(mayManageRoster(['district-officer', 'volunteer'])).toBe(false);
  });
});

describe('communityChoices', () => {
  it("lists my own community first, then the district's communities, each once", () => {
    const units: MyUnit[] = [
      { id: 'd', kind: 'DISTRICT' as const, name: '小店区', areaId: null },
      { id: 'c1', kind: 'COMMUNITY' as const, name: '西贾社区', areaId: null },
      { id: 'g', kind: 'GRID', name: '第一网格', areaId: null },
    ];
    const streets = [{ kind: 'STREET', children: [{ id: 'c2', kind: 'COMMUNITY', name: '南内环社区' }, { id: 'c1', kind: 'COMMUNITY', name: '西贾社区' }] }];
    expect(communityChoices(units, streets)).toEqual([{ id: 'c1', name: '西贾社区' }, { id: 'c2', name: '南内环社区' }]);
    expect(communityChoices([{ id: 'g', kind: 'GRID' as const, name: '第一网格', areaId: null }])).toEqual([]);
  });
});
