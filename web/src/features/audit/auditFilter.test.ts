import { describe, expect, it } from 'vitest';
import { auditVariables, detailsOf, NO_FILTER } from './auditFilter';

describe('auditVariables', () => {
  it('leaves blank filters out', () => {
    expect(auditVariables(NO_FILTER)).toEqual({ actor: null, targetType: null, from: null, to: null });
    expect(auditVariables({ ...NO_FILTER, actor: '  ', targetType: ' Shift ' })).toMatchObject({ actor: null, targetType: 'Shift' });
  });
  it("takes both days whole in the city's zone: from its start, to the next day's start (exclusive)", () => {
    expect(auditVariables({ ...NO_FILTER, from: '2022-11-30', to: '2022-12-31' })).toMatchObject({
      from: '2022-11-30T00:00:00+08:00',
      to: '2023-01-01T00:00:00+08:00',
    });
  });
});

describe('detailsOf', () => {
  it('lists the fields of a JSON object, values that are not text as JSON', () => {
    expect(detailsOf('{"status":"DRAFT","designations":3,"by":null}')).toEqual([
      ['status', 'DRAFT'], ['designations', '3'], ['by', 'null'],
    ]);
  });
  it('shows nothing for an empty object and anything else as one line', () => {
    expect(detailsOf('{}')).toEqual([]);
    expect(detailsOf('')).toEqual([]);
    expect(detailsOf('not json')).toEqual([['', 'not json']]);
    expect(detailsOf('[1,2]')).toEqual([['', '[1,2]']]);
  });
});
