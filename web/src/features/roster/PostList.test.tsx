import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MyUnitsDocument, RosterDistrictCommunitiesDocument } from '../../gql/graphql';
import { hashOf } from '../../graphql/client';
import { fakeGateway, renderScreen } from '../../test/render';
import { PostList } from './PostList';

afterEach(() => vi.unstubAllGlobals());

const officer = { accessToken: 't', username: 'officer', roles: ['district-officer'] };
const posts: Record<string, unknown> = {
  c1: { id: 'c1', name: '西贾社区', dutyPosts: [
    { id: 'p1', name: '旧卡口', kind: 'CHECKPOINT', requiredHeadcount: 2, aroundTheClock: true, activeUntil: '2020-01-01T00:00:00Z' },
    { id: 'p2', name: '书林苑北门卡口', kind: 'CHECKPOINT', requiredHeadcount: 2, aroundTheClock: true, activeUntil: null },
  ] },
  c2: { id: 'c2', name: '南内环社区', dutyPosts: [
    { id: 'p3', name: '南内环社区东门卡口', kind: 'CHECKPOINT', requiredHeadcount: 2, aroundTheClock: true, activeUntil: null },
  ] },
};

describe('PostList', { timeout: 30_000 }, () => {
  it("lets a district officer choose a community of the district and lists its posts, open ones first, each to its board", async () => {
    fakeGateway((body) => {
      if (body.hash === hashOf(MyUnitsDocument)) return { data: { myUnits: [{ id: 'd', kind: 'DISTRICT', name: '小店区', areaId: null }] } };
      if (body.hash === hashOf(RosterDistrictCommunitiesDocument)) {
        return { data: { orgUnit: { id: 'd', children: [{ id: 's', kind: 'STREET', children: [
          { id: 'c1', kind: 'COMMUNITY', name: '西贾社区' }, { id: 'c2', kind: 'COMMUNITY', name: '南内环社区' }] }] } } };
      }
      return { data: { community: posts[(body.variables as { community: string }).community] } };
    });
    renderScreen(<PostList />, { session: officer });
    const links = await screen.findAllByRole('link');
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([['书林苑北门卡口', '#/roster/p2'], ['旧卡口', '#/roster/p1']]);
    expect(screen.getByText('已撤岗')).toBeTruthy();
    await userEvent.setup().selectOptions(screen.getByLabelText('社区'), '南内环社区');
    expect(await screen.findByRole('link', { name: '南内环社区东门卡口' })).toBeTruthy();
  });

  it('shows a refused community in place', async () => {
    fakeGateway((body) => body.hash === hashOf(MyUnitsDocument)
      ? { data: { myUnits: [{ id: 'c1', kind: 'COMMUNITY', name: '西贾社区', areaId: null }] } }
      : { data: { community: null }, errors: [{ message: 'no', path: ['community'], extensions: { code: 'FORBIDDEN' } }] });
    renderScreen(<PostList />, { session: officer });
    expect((await screen.findByRole('note')).textContent).toBe('您无权查看此项。');
  });
});
