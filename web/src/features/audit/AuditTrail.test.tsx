import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoticeAuditTrailDocument, RosterAuditTrailDocument } from '../../gql/graphql';
import { hashOf } from '../../graphql/client';
import { fakeGateway, renderScreen } from '../../test/render';
import { AuditTrail } from './AuditTrail';

afterEach(() => vi.unstubAllGlobals());

const admin = { accessToken: 't', username: 'admin-xijia', roles: ['community-admin'] };
const sysadmin = { accessToken: 't', username: 'sysadmin', roles: ['system-admin'] };

function page(field: string, events: { action: string; actor: string | null }[], next: string | null) {
  return {
    data: {
      [field]: {
        edges: events.map((e, i) => ({
          cursor: `c${i}`,
          node: { at: '2022-11-30T16:30:00Z', actor: e.actor, action: e.action, targetType: 'Shift', targetId: '42',
            details: '{"post":"书林苑北门卡口","volunteers":2}' },
        })),
        pageInfo: { hasNextPage: next !== null, endCursor: next },
      },
    },
  };
}

describe('AuditTrail', () => {
  it("shows a community admin the roster trail: time in the city's zone, actor, action, target, details", async () => {
    const calls = fakeGateway(() => page('rosterAuditTrail', [{ action: 'CREATE_SHIFT', actor: 'admin-xijia' }], null));
    renderScreen(<AuditTrail />, { session: admin });
    const event = await screen.findByTestId('audit-event');
    expect(event.textContent).toContain('2022/12/01 00:30');
    expect(event.textContent).toContain('admin-xijia');
    expect(event.textContent).toContain('CREATE_SHIFT');
    expect(event.textContent).toContain('Shift 42');
    expect(event.textContent).toContain('post: 书林苑北门卡口; volunteers: 2');
    expect(screen.queryByRole('tab')).toBeNull();
    expect(calls.every((c) => c.body.hash === hashOf(RosterAuditTrailDocument))).toBe(true);
  });

  it('gives a system admin both trails as tabs', async () => {
    const calls = fakeGateway((body) => body.hash === hashOf(NoticeAuditTrailDocument)
      ? page('noticeAuditTrail', [{ action: 'PUBLISH', actor: 'publisher' }], null)
      : page('rosterAuditTrail', [{ action: 'CREATE_SHIFT', actor: 'admin-xijia' }], null));
    renderScreen(<AuditTrail />, { session: sysadmin });
    await screen.findByText('CREATE_SHIFT');
    await userEvent.setup().click(screen.getByRole('tab', { name: '通告' }));
    expect(await screen.findByText('PUBLISH')).toBeTruthy();
    expect(screen.getByRole('tab', { name: '通告' }).getAttribute('aria-selected')).toBe('true');
    expect(calls.at(-1)!.body.hash).toBe(hashOf(NoticeAuditTrailDocument));
  });

  it("sends the filters, the dates as whole days in the city's zone", async () => {
    const calls = fakeGateway(() => page('rosterAuditTrail', [], null));
    renderScreen(<AuditTrail />, { session: admin });
    await screen.findByText('没有符合条件的记录。');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('操作人（用户名）'), 'grid-xijia-1');
    await user.type(screen.getByLabelText('对象类型（如 Shift）'), 'Assignment');
    await user.type(screen.getByLabelText('起始日期'), '2022-11-30');
    await user.type(screen.getByLabelText('截止日期（含）'), '2022-12-01');
    await user.click(screen.getByRole('button', { name: '筛选' }));
    await vi.waitFor(() => expect(calls.at(-1)!.body.variables).toEqual({
      actor: 'grid-xijia-1', targetType: 'Assignment', from: '2022-11-30T00:00:00+08:00',
      to: '2022-12-02T00:00:00+08:00', after: null,
    }));
  });

  it('pages on with the cursor, keeping the events already shown', async () => {
    const calls = fakeGateway((body) => (body.variables as { after: string | null }).after === 'c0'
      ? page('rosterAuditTrail', [{ action: 'CANCEL_SHIFT', actor: 'admin-xijia' }], null)
      : page('rosterAuditTrail', [{ action: 'CREATE_SHIFT', actor: 'admin-xijia' }], 'c0'));
    renderScreen(<AuditTrail />, { session: admin });
    await screen.findByText('CREATE_SHIFT');
    await userEvent.setup().click(screen.getByRole('button', { name: '更多' }));
    await screen.findByText('CANCEL_SHIFT');
    expect(screen.getAllByTestId('audit-event')).toHaveLength(2);
    expect(calls.at(-1)!.body.variables).toMatchObject({ after: 'c0' });
    expect(screen.queryByRole('button', { name: '更多' })).toBeNull();
  });

  it('shows the refusal in place to those who may not read the trail', async () => {
    fakeGateway(() => ({ data: { rosterAuditTrail: null },
      errors: [{ message: 'rosterAuditTrail: forbidden', path: ['rosterAuditTrail'], extensions: { code: 'FORBIDDEN' } }] }));
    renderScreen(<AuditTrail />, { session: { accessToken: 't', username: 'volunteer-wang', roles: ['volunteer'] } });
    expect((await screen.findByRole('note')).textContent).toBe('您无权查看此项。');
    expect(screen.getByRole('heading', { name: '操作记录' })).toBeTruthy();
  });

  it("shows a rule's error with its code in the reader's language", async () => {
    fakeGateway(() => ({ data: { rosterAuditTrail: null },
      errors: [{ message: 'to is before from', path: ['rosterAuditTrail'], extensions: { code: 'INVALID_DATE_RANGE' } }] }));
    renderScreen(<AuditTrail />, { session: admin, lang: 'en' });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('INVALID_DATE_RANGE: The end date may not be before the start date.');
    expect(within(screen.getByRole('form', { name: 'Filter' })).getByRole('button', { name: 'Apply' })).toBeTruthy();
  });
});
