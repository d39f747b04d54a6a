import { describe, expect, it } from 'vitest';
import { listsOf, roundOf } from './fixtures';
import { filterRows, groupByUnit, householdRows, placeOptions } from './sheet';

const lines = roundOf().progress.byBuilding;

describe('householdRows', () => {
  it('lists every household once, recorded or missed, by building, unit and room (1001 after 101)', () => {
    const rows = householdRows(listsOf(), lines, []);
    expect(rows.map((r) => `${r.unitLabel}${r.room}`)).toEqual(['1单元101', '1单元102', '2单元101', '2单元1001']);
    expect(rows.map((r) => r.standing.status)).toEqual(['TESTED', 'NOT_AT_HOME', null, null]);
    expect(rows.map((r) => r.missed)).toEqual([false, true, true, true]);
  });

  it('keeps who recorded a household not at home from the tests, the missed list naming it too', () => {
    const row = householdRows(listsOf(), lines, []).find((r) => r.room === '102')!;
    expect(row.standing.recordedBy).toBe('volunteer-wang');
  });

  it('shows a recording made on this device over the answer until the next one', () => {
    const rows = householdRows(listsOf(), lines, [], {
      '3': { status: 'TESTED', testedCount: 2, reason: null, accounted: true, recordedBy: 'grid-xijia-1' },
    });
    const row = rows.find((r) => r.id === '3')!;
    expect(row.standing).toMatchObject({ status: 'TESTED', testedCount: 2 });
    expect(row.missed).toBe(false);
  });

  it('puts the refusal of a contact at its household, the rest as it is', () => {
    const round = listsOf();
    round.missedHouseholds.edges[1].node.household = { ...round.missedHouseholds.edges[1].node.household, contactName: null, contactPhone: null };
    const refusal = { message: 'contactName: not for district officers', path: ['households', 'missedHouseholds', 'edges', 1, 'node', 'household', 'contactName'], extensions: { code: 'FORBIDDEN' } };
    const rows = householdRows(round, lines, [refusal]);
    expect(rows.find((r) => r.id === '4')!.contactRefused).toBe(refusal);
    expect(rows.filter((r) => r.contactRefused)).toHaveLength(1);
  });
});

describe('groupByUnit, filterRows, placeOptions', () => {
  const rows = householdRows(listsOf(), lines, []);

  it('groups by building and unit in order', () => {
    expect(groupByUnit(rows).map((g) => [g.unitLabel, g.rows.length])).toEqual([['1单元', 2], ['2单元', 2]]);
  });

  it('filters the missed households, a building, a unit', () => {
    expect(filterRows(rows, { missedOnly: true, place: '' }).map((r) => r.id)).toEqual(['2', '3', '4']);
    expect(filterRows(rows, { missedOnly: false, place: 'b1/*' })).toHaveLength(4);
    expect(filterRows(rows, { missedOnly: true, place: 'b1/1单元' }).map((r) => r.id)).toEqual(['2']);
    expect(filterRows(rows, { missedOnly: false, place: 'other/*' })).toHaveLength(0);
  });

  it('offers each building, then each of its units', () => {
    expect(placeOptions(rows).map((o) => o.value)).toEqual(['b1/*', 'b1/1单元', 'b1/2单元']);
  });
});
