import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  RosterAssignDocument, RosterBoardDocument, RosterSignUpDocument, RosterVolunteersDocument,
} from '../../gql/graphql';
import { hashOf } from '../../graphql/client';
import { fakeGateway, renderScreen } from '../../test/render';
import { PostBoard } from './PostBoard';

// the machine builds in parallel: give the fake gateway's answers time to arrive
configure({ asyncUtilTimeout: 5000 });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2022-12-06T02:00:00Z')); // Tuesday 10:00 in the city
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const admin = { accessToken: 't', username: 'admin-xijia', roles: ['community-admin'] };
const volunteer = { accessToken: 't', username: 'volunteer-wang', roles: ['volunteer'] };

const shift = (id: string, startsAt: string, endsAt: string, people: { id: string; name: string }[]) => ({
  id, startsAt, endsAt, requiredHeadcount: 2, cancelled: false, cancelReason: null,
  assignments: people.map((v, i) => ({ id: `${id}-a${i}`, status: 'ACTIVE', source: 'ASSIGNED', volunteer: v })),
});
const board = (shifts: unknown[], me: unknown = null) => ({
  data: {
    dutyPost: {
      id: 'p1', name: '网页排班测试岗', kind: 'PATROL', requiredHeadcount: 2, aroundTheClock: false, activeUntil: null,
      allowedKinds: ['RESIDENT'], requiredSkill: null, community: { id: 'c1', name: '西贾社区' }, shifts,
    },
    me,
  },
});
const volunteers = {
  data: { community: { id: 'c1', volunteers: [
    { id: 'v1', name: '徐磊', active: true, kinds: ['RESIDENT'] },
    { id: 'v2', name: '孙涛', active: true, kinds: ['RESIDENT'] },
    { id: 'v3', name: '已停用', active: false, kinds: ['RESIDENT'] },
  ] } },
};
const day = shift('s-day', '2022-12-07T00:00:00Z', '2022-12-07T12:00:00Z', [{ id: 'v2', name: '孙涛' }]);
const night = shift('s-night', '2022-12-07T12:00:00Z', '2022-12-08T00:00:00Z', []);

describe('PostBoard', { timeout: 30_000 }, () => {
  it("shows this week's shifts by day, their people and the free places as a gap", async () => {
    fakeGateway((body) => (body.hash === hashOf(RosterVolunteersDocument) ? volunteers : board([day, night])));
    renderScreen(<PostBoard postId="p1" />, { session: admin });
    await screen.findAllByTestId('shift');
    const dayCard = cardOf('s-day');
    expect(dayCard.textContent).toContain('08:00–20:00');
    expect(dayCard.textContent).toContain('孙涛');
    expect(dayCard.textContent).toContain('空缺1个');
    expect(cardOf('s-night').textContent).toContain('20:00–08:00');
    expect(screen.getByTestId('week').textContent).toContain('12月5日');
    const wednesday = document.querySelector('[data-date="2022-12-07"]')!;
    expect(within(wednesday as HTMLElement).getByTestId('day-gaps').textContent).toBe('缺3人');
  });

  it('shows an assignment the roster refuses at that shift, with its rule in words and its code, the board intact', async () => {
    const calls = fakeGateway((body) =>
      body.hash === hashOf(RosterVolunteersDocument) ? volunteers
        : body.hash === hashOf(RosterAssignDocument)
          ? { data: { assignVolunteer: null }, errors: [{ message: 'this shift would make 24 h on duty within 24 h; the limit is 12 h', path: ['assignVolunteer'], extensions: { code: 'MAX_HOURS_EXCEEDED' } }] }
          : board([day, night]));
    renderScreen(<PostBoard postId="p1" />, { session: admin });
    const user = userEvent.setup();
    await screen.findAllByRole('option', { name: '徐磊' });
    const card = cardOf('s-night');
    await user.type(within(card).getByLabelText('查找志愿者'), '徐');
    expect((within(card).getByLabelText('志愿者') as HTMLSelectElement).value).toBe('v1');
    expect(within(card).queryByRole('option', { name: '已停用' })).toBeNull();
    await user.click(within(card).getByRole('button', { name: '安排上岗' }));
    const alert = await within(card).findByRole('alert');
    expect(alert.textContent).toContain('超出24小时内最长值守时长。');
    expect(alert.getAttribute('data-code')).toBe('MAX_HOURS_EXCEEDED');
    expect(within(cardOf('s-day')).queryByRole('alert')).toBeNull();
    const assign = calls.find((c) => c.body.hash === hashOf(RosterAssignDocument))!;
    expect(assign.body.variables).toEqual({ shift: 's-night', volunteer: 'v1' });
  });

  it('assigns and reads the board again: the shift shows full', async () => {
    let assigned = false;
    const calls = fakeGateway((body) => {
      if (body.hash === hashOf(RosterVolunteersDocument)) return volunteers;
      if (body.hash === hashOf(RosterAssignDocument)) {
        assigned = true;
        return { data: { assignVolunteer: { id: 'a9', status: 'ACTIVE' } } };
      }
      return board([assigned ? shift('s-day', day.startsAt, day.endsAt, [{ id: 'v2', name: '孙涛' }, { id: 'v1', name: '徐磊' }]) : day, night]);
    });
    renderScreen(<PostBoard postId="p1" />, { session: admin });
    const user = userEvent.setup();
    await screen.findAllByRole('option', { name: '徐磊' });
    await user.selectOptions(within(cardOf('s-day')).getByLabelText('志愿者'), '徐磊');
    await user.click(within(cardOf('s-day')).getByRole('button', { name: '安排上岗' }));
    expect((await within(cardOf('s-day')).findByRole('status')).textContent).toBe('已安排上岗。');
    await vi.waitFor(() => expect(cardOf('s-day').textContent).toContain('已满员'));
    expect(within(cardOf('s-day')).queryByRole('button', { name: '安排上岗' })).toBeNull();
    expect(calls.filter((c) => c.body.hash === hashOf(RosterBoardDocument)).length).toBe(2);
  });

  it('lets a volunteer sign up and shows an overlapping shift refused in English when chosen', async () => {
    fakeGateway((body) =>
      body.hash === hashOf(RosterSignUpDocument)
        ? { data: { signUp: null }, errors: [{ message: 'already on duty', path: ['signUp'], extensions: { code: 'OVERLAPPING_SHIFT' } }] }
        : board([day, night], { id: 'v7', name: '王建国' }));
    renderScreen(<PostBoard postId="p1" />, { session: volunteer, lang: 'en' });
    const user = userEvent.setup();
    await screen.findAllByTestId('shift');
    expect(within(cardOf('s-day')).queryByRole('button', { name: 'Assign' })).toBeNull();
    await user.click(within(cardOf('s-night')).getByRole('button', { name: 'Sign me up' }));
    const alert = await within(cardOf('s-night')).findByRole('alert');
    expect(alert.textContent).toContain('This volunteer is already on another shift at that time.');
    expect(alert.textContent).toContain('OVERLAPPING_SHIFT');
  });
});

function cardOf(id: string): HTMLElement {
  const card = document.querySelector<HTMLElement>(`[data-shift-id="${id}"]`);
  if (!card) throw new Error(`no shift ${id} on the board`);
  return card;
}
