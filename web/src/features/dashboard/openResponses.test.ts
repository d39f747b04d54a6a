import { describe, expect, it } from 'vitest';
import { openResponses, uncoveredOf } from './openResponses';

const response = (id: string, state: string, effectiveDate: string) => ({ id, state, effectiveDate, uncovered: [] });

describe('openResponses', () => {
  it('keeps the responses under way, newest effective date first', () => {
    const list = [response('a', 'STAFFED', '2022-11-28'), response('b', 'LIFTED', '2022-12-01'), null,
      response('c', 'OPENED', '2022-11-30'), response('d', 'TESTING', '2022-11-29')];
    expect(openResponses(list).map((r) => r.id)).toEqual(['c', 'd', 'a']);
  });
});

describe('uncoveredOf', () => {
  it('adds up the short post-hours and names each post once', () => {
    const gate = { id: 'p1', name: '书林苑北门卡口' };
    const r = {
      ...response('a', 'OPENED', '2022-11-30'),
      uncovered: [
        { from: '2026-12-07T00:00:00Z', until: '2026-12-07T12:00:00Z', post: gate },
        { from: '2026-12-07T12:00:00Z', until: '2026-12-07T14:00:00Z', post: gate },
        { from: '2026-12-07T00:00:00Z', until: '2026-12-07T01:00:00Z', post: { id: 'p2', name: '送餐队' } },
        null,
      ],
    };
    expect(uncoveredOf(r)).toEqual({ postHours: 15, posts: [gate, { id: 'p2', name: '送餐队' }] });
  });

  it('answers nothing short for a response without uncovered hours (or refused ones)', () => {
    expect(uncoveredOf({ ...response('a', 'OPENED', '2022-11-30'), uncovered: null })).toEqual({ postHours: 0, posts: [] });
  });
});
