import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RiskLookupDocument } from '../../gql/graphql';
import { hashOf } from '../../graphql/client';
import { fakeGateway, renderScreen } from '../../test/render';
import { RiskLookup } from './RiskLookup';

afterEach(() => vi.unstubAllGlobals());

const designated = {
  address: '太原市小店区晋阳紫城4号楼10单元', asOf: '2022-11-30', designated: true, since: '2022-11-28',
  level: { code: 'HIGH', name: '高风险' },
  area: { id: 'a1', fullName: '小店区晋阳紫城4号楼10单元' },
  notice: { id: 'n194', number: 194, issueDate: '2022-11-28', issuer: '市疫情防控办' },
  designation: { id: 'd1', text: '晋阳紫城4号楼10单元' },
};

async function lookUp(address: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('地址'), address);
  await user.click(screen.getByRole('button', { name: '查询' }));
}

describe('RiskLookup', () => {
  it('shows the level, since when and the deciding notice of an address', async () => {
    const calls = fakeGateway(() => ({ data: { riskLevel: designated } }));
    renderScreen(<RiskLookup />);
    await lookUp('太原市小店区晋阳紫城4号楼10单元');
    expect(await screen.findByText('高风险')).toBeTruthy();
    expect(screen.getByText('2022年11月28日')).toBeTruthy();
    expect(screen.getByRole('link', { name: /第194号/ }).getAttribute('href')).toBe('#/notices/n194');
    expect(calls[0].body.hash).toBe(hashOf(RiskLookupDocument));
    expect(calls[0].body.variables).toMatchObject({ address: '太原市小店区晋阳紫城4号楼10单元' });
  });

  it('says when an address is in no designated area', async () => {
    fakeGateway(() => ({ data: { riskLevel: { ...designated, designated: false, level: null, notice: null } } }));
    renderScreen(<RiskLookup />);
    await lookUp('太原市某地');
    expect(await screen.findByText('该地址在此日期未被划定风险区。')).toBeTruthy();
  });

  it('shows a refusal in place of the answer, the form still usable', async () => {
    fakeGateway(() => ({
      data: { riskLevel: null },
      errors: [{ message: 'refused', path: ['riskLevel'], extensions: { code: 'FORBIDDEN' } }],
    }));
    renderScreen(<RiskLookup />, { lang: 'en' });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Address'), 'x');
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    expect((await screen.findByRole('note')).textContent).toBe('You may not see this.');
    expect(screen.getByRole('button', { name: 'Look up' })).toBeTruthy();
  });
});
