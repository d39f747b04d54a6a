import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MyUnitsDocument, TestingRoundsOfUnitDocument } from '../../gql/graphql';
import { hashOf } from '../../graphql/client';
import { todayInCity } from '../../i18n/time';
import { fakeGateway, renderScreen } from '../../test/render';
import { Households } from './Households';

afterEach(() => vi.unstubAllGlobals());

// a bound against a hung test, not a speed figure: jsdom and user-event take seconds on a loaded 2-core machine
const SLOW_MACHINE_MS = 30_000;

const progress = { households: 30, accounted: 11, missing: 19, people: 80, peopleTested: 27 };
const round = (id: string, unit: { id: string; name: string; kind: string }) => ({
  id, date: todayInCity(), round: 1, rounds: 1, status: 'SCHEDULED', unit, progress,
});
const community = { id: 'c', kind: 'COMMUNITY', name: '西贾社区', areaId: null };
const building = { id: 'b', kind: 'BUILDING', name: '书林苑1号楼', areaId: null };

describe('the rounds of my units', { timeout: SLOW_MACHINE_MS }, () => {
  it("lists each of my units' rounds around today once, with their progress, linking to the round", async () => {
    const calls = fakeGateway((body) => {
      if (body.hash === hashOf(MyUnitsDocument)) return { data: { myUnits: [community, building] } };
      if (body.hash === hashOf(TestingRoundsOfUnitDocument)) {
        const unitId = (body.variables as { unitId: string }).unitId;
        // the community lists its building's round too
        return { data: { testingRounds: [round('r1', building), ...(unitId === 'c' ? [round('r2', community)] : [])] } };
      }
      throw new Error('unexpected');
    });
    renderScreen(<Households />, { session: { accessToken: 't', username: 'volunteer-wang', roles: ['volunteer'] } });
    const link = await screen.findByRole('link', { name: '书林苑1号楼 第1轮（共1轮）' });
    expect(link.getAttribute('href')).toBe('#/households/r1');
    expect(screen.getAllByRole('link', { name: /第1轮/ })).toHaveLength(2);
    expect(screen.getAllByText('已完成 11/30 户')).toHaveLength(2);
    const asked = calls.filter((c) => c.body.hash === hashOf(TestingRoundsOfUnitDocument)).map((c) => c.body.variables as { from: string; to: string });
    expect(asked).toHaveLength(2);
    expect(asked[0].from < todayInCity() && asked[0].to > todayInCity()).toBe(true);
  });

  it('asks a signed-out visitor to sign in, and asks nothing of the gateway', async () => {
    const calls = fakeGateway(() => ({}));
    renderScreen(<Households />);
    expect(await screen.findByText('登录后可查看和登记入户核酸。')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('says so when the account has no unit', async () => {
    fakeGateway(() => ({ data: { myUnits: [] } }));
    renderScreen(<Households />, { session: { accessToken: 't', username: 'x', roles: ['volunteer'] } });
    expect(await screen.findByText('您的账号尚未关联任何网格、楼栋或社区。')).toBeTruthy();
  });
});
