import { describe, expect, it } from 'vitest';
import { onDutyNow, type PostShifts } from './onDutyNow';

const now = new Date('2026-12-07T03:00:00Z'); // 11:00 in the city
const shift = (startsAt: string, endsAt: string, people: [string, string][]) => ({
  startsAt, endsAt, assignments: people.map(([name, status]) => ({ status, volunteer: { name } })),
});

describe('onDutyNow', () => {
  it('lists the people of the shift under way, not those handed over or of the next shift', () => {
    const gate: PostShifts = {
      id: 'p1', name: '书林苑北门卡口', aroundTheClock: true, activeUntil: null,
      shifts: [
        shift('2026-12-07T00:00:00Z', '2026-12-07T12:00:00Z', [['马超', 'ACTIVE'], ['朱红', 'ACTIVE'], ['刘洋', 'HANDED_OVER']]),
        shift('2026-12-07T12:00:00Z', '2026-12-08T00:00:00Z', [['陈军', 'ACTIVE']]),
      ],
    };
    expect(onDutyNow([gate], now)).toEqual([
      { postId: 'p1', postName: '书林苑北门卡口', people: ['马超', '朱红'], from: '2026-12-07T00:00:00Z', until: '2026-12-07T12:00:00Z' },
    ]);
  });

  it('lists an around-the-clock post without a shift as nobody on duty, leaves out other posts without one', () => {
    const posts: PostShifts[] = [
      { id: 'p1', name: '水木云天南门卡口', aroundTheClock: true, activeUntil: null, shifts: [] },
      { id: 'p2', name: '党员先锋岗', aroundTheClock: false, activeUntil: null, shifts: [] },
    ];
    expect(onDutyNow(posts, now)).toEqual([{ postId: 'p1', postName: '水木云天南门卡口', people: [], from: null, until: null }]);
  });

  it('leaves out closed posts and refused shifts', () => {
    const posts: (PostShifts | null)[] = [
      { id: 'p1', name: '旧卡口', aroundTheClock: true, activeUntil: '2026-12-06T00:00:00Z', shifts: [] },
      { id: 'p2', name: '巡逻岗', aroundTheClock: false, activeUntil: null, shifts: null },
      null,
    ];
    expect(onDutyNow(posts, now)).toEqual([]);
  });
});
