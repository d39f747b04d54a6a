import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeGateway, renderScreen } from '../../test/render';
import { todayInCity } from '../../i18n/time';
import { RiskTrend } from './RiskTrend';
import { addDays } from './trendSeries';

afterEach(() => vi.unstubAllGlobals());

const today = todayInCity();
const answer = {
  data: {
    riskTrend: [
      { date: addDays(today, -1), district: '小店区', level: 'HIGH', count: 4 },
      { date: today, district: '小店区', level: 'HIGH', count: 6 },
      { date: today, district: '小店区', level: 'LOW', count: 2 },
      { date: today, district: '迎泽区', level: 'LOW', count: 1 },
    ],
  },
};

describe('RiskTrend', () => {
  it('asks for the last 30 days in the city and draws a chart with its table per district', async () => {
    const calls = fakeGateway(() => answer);
    renderScreen(<RiskTrend />);
    const trend = await screen.findByTestId('risk-trend');
    expect(calls[0].body.variables).toEqual({ from: addDays(today, -29), to: today, district: null });
    expect(within(trend).getAllByRole('img')).toHaveLength(2);
    expect(within(trend).getByRole('heading', { name: '小店区' })).toBeTruthy();
    const table = within(trend).getByRole('table', { name: '小店区每日风险区数量' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(31);
    expect(within(rows[1]).getAllByRole('cell').map((c) => c.textContent)).toEqual(['6', '2']);
    expect(within(rows[2]).getAllByRole('cell').map((c) => c.textContent)).toEqual(['4', '0']);
  });

  it('filters by a district the city-wide answer named, through the API', async () => {
    const calls = fakeGateway((body) => {
      const district = (body.variables as { district: string | null }).district;
      return district ? { data: { riskTrend: answer.data.riskTrend.filter((r) => r.district === district) } } : answer;
    });
    renderScreen(<RiskTrend />);
    await screen.findByRole('option', { name: '迎泽区' });
    await userEvent.setup().selectOptions(screen.getByLabelText('区'), '迎泽区');
    expect(await screen.findByRole('heading', { name: '迎泽区' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: '小店区' })).toBeNull();
    expect(calls.at(-1)!.body.variables).toMatchObject({ district: '迎泽区' });
    // the other districts stay on offer
    expect(within(screen.getByLabelText('区')).getAllByRole('option').map((o) => o.textContent))
      .toEqual(['全市', '小店区', '迎泽区']);
  });

  it("shows the server's refusal of a window in place, with its code, in the reader's language", async () => {
    fakeGateway(() => ({
      data: null,
      errors: [{ message: 'riskTrend: 93 days', path: ['riskTrend'], extensions: { code: 'INVALID_INPUT' } }],
    }));
    renderScreen(<RiskTrend />, { lang: 'en' });
    expect((await screen.findByRole('alert')).textContent)
      .toBe('INVALID_INPUT: The start may not be after the end, and the period is at most 92 days.');
    expect(screen.getByRole('heading', { name: 'Risk over time' })).toBeTruthy();
  });

  it('says so when no area was designated in the window', async () => {
    fakeGateway(() => ({ data: { riskTrend: [] } }));
    renderScreen(<RiskTrend />);
    expect(await screen.findByText('该时段内没有风险区。')).toBeTruthy();
  });
});
