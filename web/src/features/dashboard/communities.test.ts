import { describe, expect, it } from 'vitest';
import { communitiesOf, treeRootOf } from './communities';

const xijia = { id: 'c1', kind: 'COMMUNITY', name: '西贾社区' };
const district = {
  id: 'd1', kind: 'DISTRICT', name: '小店区',
  children: [{ id: 's1', kind: 'STREET', name: '平阳路街道', children: [xijia, { id: 'c2', kind: 'COMMUNITY', name: '南内环社区' }] }],
};

describe('communitiesOf', () => {
  it("answers a community admin's own community", () => {
    expect(communitiesOf([xijia, { id: 'g1', kind: 'GRID', name: '西贾社区第一网格' }], null)).toEqual([{ id: 'c1', name: '西贾社区' }]);
  });

  it("answers the communities of a district officer's district tree, each once", () => {
    expect(communitiesOf([{ id: 'd1', kind: 'DISTRICT', name: '小店区' }, xijia], district)).toEqual([
      { id: 'c1', name: '西贾社区' },
      { id: 'c2', name: '南内环社区' },
    ]);
  });

  it('answers a community named as the root of the tree, and nothing for no units', () => {
    expect(communitiesOf([], xijia)).toEqual([{ id: 'c1', name: '西贾社区' }]);
    expect(communitiesOf([], null)).toEqual([]);
  });
});

describe('treeRootOf', () => {
  it('takes the district before a street, nothing for a community admin', () => {
    const street = { id: 's1', kind: 'STREET', name: '平阳路街道' };
    expect(treeRootOf([street, { id: 'd1', kind: 'DISTRICT', name: '小店区' }])?.id).toBe('d1');
    expect(treeRootOf([street])?.id).toBe('s1');
    expect(treeRootOf([xijia])).toBeUndefined();
  });
});
