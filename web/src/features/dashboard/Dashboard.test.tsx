import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AcknowledgeAlertDocument, DashboardDocument, DashboardUnitsDocument, MyUnitsDocument } from '../../gql/graphql';
import { hashOf } from '../../graphql/client';
import { fakeGateway, renderScreen } from '../../test/render';
import { Dashboard } from './Dashboard';
import { DATA_SHOWN_MARK } from './useDataShownMark';

// several requests in a row before the data is on screen: more than the default second on a busy 2-core machine
configure({ asyncUtilTimeout: 5000 });

afterEach(() => vi.unstubAllGlobals());

const admin = { accessToken: 't', username: 'admin-xijia', roles: ['community-admin'] };
const officer = { accessToken: 't', username: 'officer', roles: ['district-officer'] };
const xijia = { id: 'c1', kind: 'COMMUNITY', name: '西贾社区', areaId: null };
const gate = { id: 'p1', name: '书林苑北门卡口' };
const now = new Date();
const iso = (hoursFromNow: number) => new Date(now.getTime() + hoursFromNow * 3_600_000).toISOString();
const request = (id: string, overdue: boolean) => ({
  id, kind: 'MEDICINE', urgency: 'URGENT', status: 'OPEN', description: '独居老人降压药需代购', receivedAt: iso(-5), dueAt: iso(overdue ? -1 : 3), overdue,
});

const dashboard = {
  community: {
    id: 'c1', name: '西贾社区',
    responses: [
      { id: 'r1', state: 'STAFFED', level: 'HIGH', areaName: '书林苑小区', effectiveDate: '2022-11-30', testingRound: null, testingRoundCount: 3,
        uncovered: [{ from: iso(1), until: iso(3), required: 2, staffed: 1, post: gate }] },
      { id: 'r0', state: 'LIFTED', level: 'HIGH', areaName: '旧小区', effectiveDate: '2022-11-01', testingRound: null, testingRoundCount: 3, uncovered: [] },
    ],
    dutyPosts: [{
      ...gate, aroundTheClock: true, activeUntil: null,
      shifts: [{ id: 's1', startsAt: iso(-2), endsAt: iso(10), assignments: [{ id: 'a1', status: 'ACTIVE', volunteer: { id: 'v1', name: '马超' } }] }],
    }],
  },
  alerts: {
    edges: [{ node: { id: 'al1', kind: 'RESPONSE_OPENED', message: '书林苑小区划为高风险区：请启动响应', areaName: '书林苑小区', level: 'HIGH',
      createdAt: iso(-3), escalatedAt: null, community: { id: 'c1', name: '西贾社区' } } }],
    pageInfo: { hasNextPage: false },
  },
  coverageGaps: [{ from: iso(1), until: iso(3), hours: [iso(1), iso(2)], required: 2, staffed: 1, hasShift: true, post: gate }],
  tasks: { edges: [{ node: { id: 't1', kind: 'DOOR_TO_DOOR_TESTING', household: '2单元402', description: null, dueAt: null, unit: { id: 'b1', name: '书林苑1号楼' } } }], pageInfo: { hasNextPage: false } },
  openRequests: { edges: [{ node: request('q1', false) }], pageInfo: { hasNextPage: false } },
  overdueRequests: { edges: [{ node: request('q2', true) }], pageInfo: { hasNextPage: false } },
  requestFigures: [{ open: 2, overdue: 1, closed: 4, medianMinutesToClose: 30, community: { id: 'c1', name: '西贾社区' } }],
};

function gateway(dashboardAnswer: unknown, extra: (hash: string) => unknown = () => undefined) {
  return fakeGateway(({ hash }) => {
    if (hash === hashOf(MyUnitsDocument)) return { data: { myUnits: [xijia] } };
    if (hash === hashOf(DashboardDocument)) return dashboardAnswer;
    return extra(hash) ?? { data: null, errors: [{ message: 'unexpected' }] };
  });
}

describe('Dashboard', () => {
  it("shows every section of a community admin's community from one request, and marks when its data is shown", async () => {
    const mark = vi.spyOn(performance, 'mark');
    const calls = gateway({ data: dashboard });
    renderScreen(<Dashboard />, { session: admin });
    expect(await screen.findByRole('heading', { level: 1, name: '西贾社区工作台' })).toBeTruthy();
    const responses = await screen.findByTestId('dash-responses');
    expect(within(responses).getByText('书林苑小区')).toBeTruthy();
    expect(within(responses).queryByText('旧小区')).toBeNull();
    expect(within(responses).getByText(/未来24小时缺岗：2个岗时（书林苑北门卡口）/)).toBeTruthy();
    expect(within(screen.getByTestId('dash-alerts')).getByText('书林苑小区划为高风险区：请启动响应')).toBeTruthy();
    const gapLinks = within(screen.getByTestId('dash-coverage')).getAllByRole('link');
    expect(gapLinks.every((a) => a.getAttribute('href') === '#/roster/p1')).toBe(true);
    expect(gapLinks.some((a) => /在岗1\/2人/.test(a.textContent ?? ''))).toBe(true);
    expect(within(screen.getByTestId('dash-on-duty')).getByText('马超')).toBeTruthy();
    expect(within(screen.getByTestId('dash-tasks')).getByText('上门核酸')).toBeTruthy();
    const requests = screen.getByTestId('dash-requests');
    expect(within(requests).getByText('西贾社区：未办结2，超时1，已办结4')).toBeTruthy();
    expect(within(requests).getAllByTestId('request')).toHaveLength(2);
    const dashboardCalls = calls.filter((c) => c.body.hash === hashOf(DashboardDocument));
    expect(dashboardCalls).toHaveLength(1);
    expect(dashboardCalls[0].body.variables).toMatchObject({ community: 'c1' });
    // the mark is set by an effect after the data is on screen: on a busy machine it may come a moment later
    await waitFor(() => expect(mark).toHaveBeenCalledWith(DATA_SHOWN_MARK));
  });

  it('acknowledges an alert: it leaves the list', async () => {
    const calls = gateway({ data: dashboard }, (hash) =>
      hash === hashOf(AcknowledgeAlertDocument)
        ? { data: { acknowledgeAlert: { id: 'al1', acknowledgedAt: iso(0), acknowledgedBy: 'admin-xijia' } } }
        : undefined);
    renderScreen(<Dashboard />, { session: admin });
    const alerts = await screen.findByTestId('dash-alerts');
    await userEvent.setup().click(within(alerts).getByRole('button', { name: /确认提醒/ }));
    await waitFor(() => expect(within(alerts).queryAllByTestId('alert')).toHaveLength(0));
    expect(within(alerts).getByText('提醒已确认。')).toBeTruthy();
    expect(calls.find((c) => c.body.hash === hashOf(AcknowledgeAlertDocument))?.body.variables).toEqual({ id: 'al1' });
  });

  it('shows a refused acknowledgement at its alert, which stays', async () => {
    gateway({ data: dashboard }, (hash) =>
      hash === hashOf(AcknowledgeAlertDocument)
        ? { data: null, errors: [{ message: 'not yours', path: ['acknowledgeAlert'], extensions: { code: 'FORBIDDEN' } }] }
        : undefined);
    renderScreen(<Dashboard />, { session: admin, lang: 'en' });
    const alerts = await screen.findByTestId('dash-alerts');
    await userEvent.setup().click(within(alerts).getByRole('button', { name: /Acknowledge/ }));
    expect((await within(alerts).findByRole('note')).textContent).toBe('You may not see this.');
    expect(within(alerts).getAllByTestId('alert')).toHaveLength(1);
  });

  it('shows each refused section in its place and the others as usual', async () => {
    gateway({
      data: { ...dashboard, coverageGaps: null, community: { ...dashboard.community, responses: null } },
      errors: [
        { message: 'no', path: ['coverageGaps'], extensions: { code: 'FORBIDDEN' } },
        { message: 'no', path: ['community', 'responses'], extensions: { code: 'FORBIDDEN' } },
      ],
    });
    renderScreen(<Dashboard />, { session: admin });
    const coverage = await screen.findByTestId('dash-coverage');
    expect(within(coverage).getByRole('note').textContent).toBe('您无权查看此项。');
    expect(within(screen.getByTestId('dash-responses')).getByRole('note').textContent).toBe('您无权查看此项。');
    expect(within(screen.getByTestId('dash-on-duty')).getByText('马超')).toBeTruthy();
  });

  it("lets a district officer choose among the district's communities", async () => {
    const calls = fakeGateway(({ hash, variables }) => {
      if (hash === hashOf(MyUnitsDocument)) return { data: { myUnits: [{ id: 'd1', kind: 'DISTRICT', name: '小店区', areaId: null }] } };
      if (hash === hashOf(DashboardUnitsDocument)) {
        return { data: { orgUnit: { id: 'd1', kind: 'DISTRICT', name: '小店区', children: [{ id: 's1', kind: 'STREET', name: '平阳路街道',
          children: [{ id: 'c1', kind: 'COMMUNITY', name: '西贾社区' }, { id: 'c2', kind: 'COMMUNITY', name: '南内环社区' }] }] } } };
      }
      const id = (variables as { community: string }).community;
      return { data: { ...dashboard, community: { ...dashboard.community, id, name: id === 'c1' ? '西贾社区' : '南内环社区' } } };
    });
    renderScreen(<Dashboard />, { session: officer });
    expect(await screen.findByRole('heading', { level: 1, name: '西贾社区工作台' })).toBeTruthy();
    await userEvent.setup().selectOptions(screen.getByLabelText('社区'), 'c2');
    expect(await screen.findByRole('heading', { level: 1, name: '南内环社区工作台' })).toBeTruthy();
    await waitFor(() => expect(calls.filter((c) => c.body.hash === hashOf(DashboardDocument)).map((c) => (c.body.variables as { community: string }).community)).toEqual(['c1', 'c2']));
  });

  it('asks a system administrator linked to no unit for a unit id', async () => {
    fakeGateway(({ hash }) => (hash === hashOf(MyUnitsDocument) ? { data: { myUnits: [] } } : { data: { orgUnit: xijia } }));
    renderScreen(<Dashboard />, { session: { accessToken: 't', username: 'sysadmin', roles: ['system-admin'] } });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('单位编号'), 'c1');
    await user.click(screen.getByRole('button', { name: '打开' }));
    expect(await screen.findByRole('heading', { level: 1, name: '西贾社区工作台' })).toBeTruthy();
  });

  it('shows a failed request with a retry, never a broken page', async () => {
    fakeGateway(({ hash }) => (hash === hashOf(MyUnitsDocument) ? { data: { myUnits: [xijia] } } : { data: null, errors: [{ message: 'boom' }] }));
    renderScreen(<Dashboard />, { session: admin });
    expect((await screen.findByRole('alert')).textContent).toContain('boom');
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
  });
});
