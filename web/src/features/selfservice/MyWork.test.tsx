import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MyWorkDocument, MyWorkSignUpDocument, MyWorkWithdrawSwapDocument } from '../../gql/graphql';
import { hashOf } from '../../graphql/client';
import { fakeGateway, renderScreen } from '../../test/render';
import { MyWork } from './MyWork';

afterEach(() => vi.unstubAllGlobals());

const li = { accessToken: 't', username: 'volunteer-li', roles: ['volunteer'] };
const post = { id: 'p1', name: '书林苑北门卡口', address: null };
const shift = (id: string, startsAt: string, endsAt: string) => ({ id, startsAt, endsAt, requiredHeadcount: 2, post });
const mine = shift('s1', '2026-12-08T00:00:00Z', '2026-12-08T12:00:00Z');
const open = { ...shift('s2', '2026-12-08T04:00:00Z', '2026-12-08T08:00:00Z'), assignments: [{ id: 'a9' }] };
const work = {
  me: { id: 'v2', name: '李秀英', community: { id: 'c1', name: '西贾社区' } },
  myShifts: [{ id: 'a1', shift: mine }],
  myOpenShifts: [open],
  mySwapRequests: [{
    id: 'w1', reason: '家中有事', createdAt: '2026-12-07T02:00:00Z', toVolunteer: { id: 'v1', name: '王建国' },
    fromAssignment: { id: 'a1', volunteer: { id: 'v2', name: '李秀英' }, shift: mine }, toAssignment: null,
  }],
  weekHours: { hours: 12, shifts: 1 },
  monthHours: { hours: 36.5, shifts: 3 },
};

// the first render loads the screen's modules: on a busy build machine that takes seconds
const slow = { timeout: 15_000 };

describe('MyWork', { timeout: 30_000 }, () => {
  it('shows my shifts by day, the shifts I may take with their free places, my proposals and my hours', async () => {
    fakeGateway(() => ({ data: work }));
    renderScreen(<MyWork />, { session: li });
    const mineBox = await screen.findByTestId('my-shifts', {}, slow);
    expect(within(mineBox).getByTestId('my-shift-s1').textContent).toContain('08:00–20:00');
    expect(mineBox.textContent).toContain('周二');
    expect(screen.getByTestId('open-shift-s2').textContent).toContain('还差1人（共2人）');
    expect(screen.getByTestId('swap-w1').textContent).toContain('您提议把这个班次转交给王建国');
    expect(screen.getByTestId('my-hours').textContent).toContain('36.5小时（3个班次）');
    // volunteers do not cancel their own shifts: no such button, the way to do it instead
    expect(screen.queryByRole('button', { name: /取消/ })).toBeNull();
  });

  it('takes a shift with my volunteer id and reads again', async () => {
    const calls = fakeGateway((body) =>
      body.hash === hashOf(MyWorkSignUpDocument) ? { data: { signUp: { id: 'a2' } } } : { data: work });
    renderScreen(<MyWork />, { session: li });
    await userEvent.setup().click(await screen.findByRole('button', { name: /^认领 书林苑北门卡口 12:00–16:00/ }, slow));
    expect((await screen.findByText('已认领：书林苑北门卡口 12:00–16:00')).getAttribute('role')).toBe('status');
    expect(calls.find((c) => c.body.hash === hashOf(MyWorkSignUpDocument))!.body.variables)
      .toEqual({ shiftId: 's2', volunteerId: 'v2' });
    expect(calls.filter((c) => c.body.hash === hashOf(MyWorkDocument)).length).toBe(2);
  });

  it("shows a refused sign-up's rule at that shift, in English too, and the rest unchanged", async () => {
    fakeGateway((body) => body.hash === hashOf(MyWorkSignUpDocument)
      ? { data: { signUp: null }, errors: [{ message: 'already on duty from …', path: ['signUp'], extensions: { code: 'OVERLAPPING_SHIFT' } }] }
      : { data: work });
    renderScreen(<MyWork />, { session: li, lang: 'en' });
    await userEvent.setup().click(await screen.findByRole('button', { name: /^Take / }, slow));
    const at = within(screen.getByTestId('open-shift-s2'));
    expect((await at.findByRole('alert')).textContent)
      .toBe('It overlaps a shift you already have: you can be at one post at a time. (OVERLAPPING_SHIFT)');
    expect(screen.getByTestId('my-shift-s1')).toBeTruthy();
  });

  it('withdraws my proposal', async () => {
    const calls = fakeGateway((body) => body.hash === hashOf(MyWorkWithdrawSwapDocument)
      ? { data: { withdrawSwap: { id: 'w1', status: 'WITHDRAWN' } } } : { data: work });
    renderScreen(<MyWork />, { session: li });
    await userEvent.setup().click(await screen.findByRole('button', { name: '撤回' }, slow));
    await screen.findByText('已处理。');
    expect(calls.find((c) => c.body.hash === hashOf(MyWorkWithdrawSwapDocument))!.body.variables)
      .toEqual({ swapId: 'w1', volunteerId: 'v2' });
  });

  it('tells an account without a volunteer how to register, nothing broken', async () => {
    fakeGateway(() => ({ data: { ...work, me: null, myShifts: [], myOpenShifts: [], mySwapRequests: [], weekHours: null, monthHours: null } }));
    renderScreen(<MyWork />, { session: { accessToken: 't', username: 'admin-xijia', roles: ['community-admin'] } });
    expect((await screen.findByTestId('no-volunteer', {}, slow)).textContent).toContain('报到');
  });

  it('shows an answer refused as a whole with its code and a retry, never a broken page', async () => {
    // the lists are non-null: a refusal of one nulls the whole answer
    fakeGateway(() => ({
      data: null,
      errors: [{ message: 'myOpenShifts: no', path: ['myOpenShifts'], extensions: { code: 'FORBIDDEN' } }],
    }));
    renderScreen(<MyWork />, { session: li });
    expect((await screen.findByRole('alert', {}, slow)).textContent).toContain('FORBIDDEN: myOpenShifts: no');
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
    expect(screen.queryByTestId('no-volunteer')).toBeNull();
  });
});
