import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CompleteTestingRoundDocument,
  MyUnitsDocument,
  RecordHouseholdTestDocument,
  TestingRoundSheetDocument,
} from '../../gql/graphql';
import { hashOf } from '../../graphql/client';
import { fakeGateway, renderScreen } from '../../test/render';
import { listsOf, roundOf } from './fixtures';
import { Households } from './Households';

afterEach(() => vi.unstubAllGlobals());

// a bound against a hung test, not a speed figure: jsdom and user-event take seconds on a loaded 2-core machine
const SLOW_MACHINE_MS = 30_000;

const gridWorker = { accessToken: 't', username: 'grid-xijia-1', roles: ['grid-worker'] };
const myGrid = { data: { myUnits: [{ id: 'g1', kind: 'GRID', name: '西贾社区第一网格', areaId: null }] } };

function gateway(onRecord: (vars: Record<string, unknown>) => unknown) {
  let recorded = false;
  return fakeGateway((body) => {
    if (body.hash === hashOf(MyUnitsDocument)) return myGrid;
    if (body.hash === hashOf(RecordHouseholdTestDocument)) {
      recorded = true;
      return onRecord(body.variables as Record<string, unknown>);
    }
    if (body.hash === hashOf(TestingRoundSheetDocument)) {
      if (!recorded) return { data: { round: roundOf(), households: listsOf() } };
      const round = roundOf();
      return { data: { round: { ...round, progress: { ...round.progress, accounted: 2, missing: 2, peopleTested: 6 } }, households: listsOf() } };
    }
    throw new Error(`unexpected ${body.hash}`);
  });
}

const row = (door: string) => screen.getAllByTestId('household').find((li) => li.dataset.door === door)!;

describe('a round on a phone', { timeout: SLOW_MACHINE_MS }, () => {
  it('records a household in two taps: the row, then TESTED with the head count from the register', async () => {
    const calls = gateway((vars) => ({
      data: { recordHouseholdTest: { status: 'TESTED', testedCount: vars.testedCount, reason: null, accounted: true, recordedBy: 'grid-xijia-1', recordedAt: '2026-12-07T02:00:00Z', household: { id: '3' } } },
    }));
    renderScreen(<Households roundId="r1" />, { session: gridWorker });
    await screen.findByText('书林苑1号楼 第1轮（共3轮）');
    expect(screen.getByTestId('round-progress').textContent).toContain('已完成 1/4 户');
    const user = userEvent.setup();
    await user.click(within(row('书林苑1号楼 2单元101')).getByRole('button', { name: /登记 书林苑1号楼 2单元101/ }));
    await user.click(within(row('书林苑1号楼 2单元101')).getByRole('button', { name: '已检测' }));

    expect(row('书林苑1号楼 2单元101').dataset.status).toBe('TESTED');
    const sent = calls.find((c) => c.body.hash === hashOf(RecordHouseholdTestDocument))!;
    expect(sent.body.variables).toEqual({ roundId: 'r1', householdId: '3', status: 'TESTED', testedCount: 3, reason: null });
    // the sheet lists the grid worker's grid, and is read again for the progress
    expect(calls.find((c) => c.body.hash === hashOf(TestingRoundSheetDocument))!.body.variables).toMatchObject({ unitId: 'g1' });
    await waitFor(() => expect(screen.getByTestId('round-progress').textContent).toContain('已完成 2/4 户'));
  });

  it('sends an edited head count, and POSITIVE is offered to a grid worker', async () => {
    const calls = gateway((vars) => ({
      data: { recordHouseholdTest: { status: 'TESTED', testedCount: vars.testedCount, reason: null, accounted: true, recordedBy: 'grid-xijia-1', recordedAt: '2026-12-07T02:00:00Z', household: { id: '3' } } },
    }));
    renderScreen(<Households roundId="r1" />, { session: gridWorker });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /登记 书林苑1号楼 2单元101/ }));
    const panel = within(row('书林苑1号楼 2单元101'));
    expect(panel.getByRole('button', { name: '阳性' })).toBeTruthy();
    await user.clear(panel.getByLabelText('检测人数'));
    await user.type(panel.getByLabelText('检测人数'), '2');
    await user.click(panel.getByRole('button', { name: '已检测' }));
    await waitFor(() => expect(row('书林苑1号楼 2单元101').textContent).toContain('已检测 2人'));
    expect(calls.find((c) => c.body.hash === hashOf(RecordHouseholdTestDocument))!.body.variables).toMatchObject({ testedCount: 2 });
  });

  it("shows the rule's refusal at the row, the status unchanged", async () => {
    gateway(() => ({
      data: { recordHouseholdTest: null },
      errors: [{ message: 'recordHouseholdTest: not your building', path: ['recordHouseholdTest'], extensions: { code: 'FORBIDDEN' } }],
    }));
    renderScreen(<Households roundId="r1" />, { session: gridWorker });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /登记 书林苑1号楼 2单元101/ }));
    await user.click(within(row('书林苑1号楼 2单元101')).getByRole('button', { name: '不在家' }));
    const alert = await within(row('书林苑1号楼 2单元101')).findByRole('alert');
    expect(alert.textContent).toBe('您无权执行此操作。');
    expect(alert.dataset.code).toBe('FORBIDDEN');
    expect(row('书林苑1号楼 2单元101').dataset.status).toBe('NONE');
  });

  it('asks a reason before sending REFUSED', async () => {
    const calls = gateway(() => ({ data: { recordHouseholdTest: null } }));
    renderScreen(<Households roundId="r1" />, { session: gridWorker });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /登记 书林苑1号楼 2单元101/ }));
    await user.click(within(row('书林苑1号楼 2单元101')).getByRole('button', { name: '拒检' }));
    expect(within(row('书林苑1号楼 2单元101')).getByRole('alert').textContent).toBe('请先填写原因。');
    expect(calls.some((c) => c.body.hash === hashOf(RecordHouseholdTestDocument))).toBe(false);
  });

  it('filters the missed households', async () => {
    gateway(() => ({}));
    renderScreen(<Households roundId="r1" />, { session: gridWorker });
    await screen.findByText('书林苑1号楼 第1轮（共3轮）');
    expect(screen.getAllByTestId('household')).toHaveLength(4);
    await userEvent.setup().click(screen.getByLabelText('只看未完成的住户'));
    expect(screen.getAllByTestId('household').map((li) => li.dataset.door)).toEqual([
      '书林苑1号楼 1单元102', '书林苑1号楼 2单元101', '书林苑1号楼 2单元1001',
    ]);
  });

  it("shows a volunteer who may not list the households the round's progress, and the refusal in place of the list", async () => {
    fakeGateway((body) =>
      body.hash === hashOf(MyUnitsDocument)
        ? { data: { myUnits: [{ id: 'c', kind: 'COMMUNITY', name: '西贾社区', areaId: null }] } }
        : { data: { round: roundOf(), households: null }, errors: [{ message: 'TestingRound.tests: forbidden', path: ['households', 'tests'], extensions: { code: 'FORBIDDEN' } }] });
    renderScreen(<Households roundId="r1" />, { session: { accessToken: 't', username: 'volunteer-li', roles: ['volunteer'] } });
    expect((await screen.findByTestId('round-progress')).textContent).toContain('已完成 1/4 户');
    expect(screen.getByText('您无权查看此项。')).toBeTruthy();
    expect(screen.queryAllByTestId('household')).toHaveLength(0);
  });
});

describe('a round for staff', { timeout: SLOW_MACHINE_MS }, () => {
  it("shows a district officer the register with each refused contact in place, and no recording", async () => {
    const round = listsOf();
    const hide = <T extends { household: { contactName: string | null; contactPhone: string | null } }>(n: T) =>
      ({ ...n, household: { ...n.household, contactName: null, contactPhone: null } });
    round.tests.edges = round.tests.edges.map((e) => ({ node: hide(e.node) }));
    round.missedHouseholds.edges = round.missedHouseholds.edges.map((e) => ({ node: hide(e.node) }));
    const refusals = [
      ...round.tests.edges.map((_, i) => ['tests', i] as const),
      ...round.missedHouseholds.edges.map((_, i) => ['missedHouseholds', i] as const),
    ].map(([list, i]) => ({ message: 'contactName: forbidden', path: ['households', list, 'edges', i, 'node', 'household', 'contactName'], extensions: { code: 'FORBIDDEN' } }));
    const calls = fakeGateway((body) =>
      body.hash === hashOf(MyUnitsDocument)
        ? { data: { myUnits: [{ id: 'd', kind: 'DISTRICT', name: '小店区', areaId: null }] } }
        : { data: { round: roundOf(), households: round }, errors: refusals });
    renderScreen(<Households roundId="r1" />, { session: { accessToken: 't', username: 'officer', roles: ['district-officer'] } });
    await screen.findByText('书林苑1号楼 第1轮（共3轮）');
    expect(screen.getAllByTestId('household')).toHaveLength(4);
    for (const li of screen.getAllByTestId('household')) expect(li.textContent).toContain('您无权查看此项。');
    expect(screen.queryByRole('button', { name: /登记/ })).toBeNull();
    expect(screen.getByText('您可以查看本轮，但不能登记。')).toBeTruthy();
    expect(calls.find((c) => c.body.hash === hashOf(TestingRoundSheetDocument))!.body.variables).toMatchObject({ unitId: null });
  });

  it('shows HOUSEHOLDS_MISSING with the count where the round is completed', async () => {
    fakeGateway((body) =>
      body.hash === hashOf(CompleteTestingRoundDocument)
        ? { data: { completeTestingRound: null }, errors: [{ message: 'testing round r1: 3 households missing', path: ['completeTestingRound'], extensions: { code: 'HOUSEHOLDS_MISSING', missing: 3 } }] }
        : body.hash === hashOf(MyUnitsDocument)
          ? { data: { myUnits: [] } }
          : { data: { round: roundOf(), households: listsOf() } });
    renderScreen(<Households roundId="r1" />, { session: { accessToken: 't', username: 'admin-xijia', roles: ['community-admin'] } });
    await userEvent.setup().click(await screen.findByRole('button', { name: '完成本轮' }));
    const outcome = await screen.findByTestId('complete-outcome');
    expect(outcome.textContent).toBe('还有 3 户未完成，不能结束本轮。');
    expect(outcome.dataset.code).toBe('HOUSEHOLDS_MISSING');
  });
});
