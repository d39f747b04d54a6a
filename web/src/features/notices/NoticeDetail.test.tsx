import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoticeDetailDocument, PublishNoticeDocument } from '../../gql/graphql';
import { hashOf } from '../../graphql/client';
import { fakeGateway, renderScreen } from '../../test/render';
import { NoticeDetail } from './NoticeDetail';

afterEach(() => vi.unstubAllGlobals());

const draft = {
  id: 'n990', number: 990, year: 2022, title: null, issuer: '市疫情防控办', issueDate: '2022-12-01',
  effectiveDate: '2022-12-01', status: 'DRAFT', messageType: 'ALERT', measures: null,
  draftedBy: 'editor', publishedBy: null,
  warnings: [{ code: 'AREA_GUESSED', message: '“某小区”按小区处理' }],
  designations: [{
    id: 'd1', ordinal: 1, text: '某小区(1号楼除外)', district: '小店区', action: null,
    level: { code: 'HIGH', name: '高风险' },
    areas: [{ id: 'a1', fullName: '小店区某小区' }], exceptions: [{ id: 'a2', fullName: '小店区某小区1号楼' }],
  }],
};
/** The notice as someone outside the notice office gets it: the names null, refused at their fields. */
const namesRefused = {
  data: { notice: { ...draft, draftedBy: null, publishedBy: null } },
  errors: ['draftedBy', 'publishedBy'].map((f) => ({
    message: `Notice.${f}: forbidden`, path: ['notice', f], extensions: { code: 'FORBIDDEN' },
  })),
};
const publisher = { accessToken: 't', username: 'publisher', roles: ['notice-publisher'] };

describe('NoticeDetail', () => {
  it('shows designations with their exceptions and the parse warnings', async () => {
    fakeGateway(() => ({ data: { notice: draft } }));
    renderScreen(<NoticeDetail id="n990" />, { session: publisher });
    expect(await screen.findByText('小店区某小区')).toBeTruthy();
    expect(screen.getByText('除外：小店区某小区1号楼')).toBeTruthy();
    expect(screen.getByText('AREA_GUESSED')).toBeTruthy();
  });

  it('shows refused names as a message in the four-eyes box, the notice intact', async () => {
    fakeGateway(() => namesRefused);
    renderScreen(<NoticeDetail id="n990" />, { session: { accessToken: 't', username: 'officer', roles: ['district-officer'] } });
    const box = await screen.findByTestId('four-eyes');
    expect(box.textContent).toContain('您无权查看此项。');
    expect(box.textContent).toContain('须由起草人以外的通告发布员发布。');
    expect(box.textContent).not.toContain('起草人：');
    expect(screen.getByText('小店区某小区')).toBeTruthy();
  });

  it('shows who drafted and who published a published notice, and offers no publishing', async () => {
    fakeGateway(() => ({ data: { notice: { ...draft, status: 'PUBLISHED', publishedBy: 'publisher' } } }));
    renderScreen(<NoticeDetail id="n990" />, { session: publisher });
    const box = await screen.findByTestId('four-eyes');
    expect(box.textContent).toContain('起草人：editor');
    expect(box.textContent).toContain('发布人：publisher');
    expect(screen.queryByRole('button', { name: '发布' })).toBeNull();
  });

  it('lets another publisher publish, and shows who drafted it', async () => {
    const calls = fakeGateway((body) =>
      body.hash === hashOf(PublishNoticeDocument)
        ? { data: { publishNotice: { id: 'n990', status: 'PUBLISHED' } } }
        : { data: { notice: draft } });
    renderScreen(<NoticeDetail id="n990" />, { session: publisher });
    expect((await screen.findByTestId('four-eyes')).textContent).toContain('起草人：editor');
    await userEvent.setup().click(screen.getByRole('button', { name: '发布' }));
    expect(await screen.findByRole('status')).toBeTruthy();
    expect(calls.map((c) => c.body.hash)).toContain(hashOf(PublishNoticeDocument));
    expect(calls.filter((c) => c.body.hash === hashOf(NoticeDetailDocument)).length).toBe(2);
  });

  it('offers no publishing to the drafter, and says why', async () => {
    fakeGateway(() => ({ data: { notice: draft } }));
    renderScreen(<NoticeDetail id="n990" />, { session: { accessToken: 't', username: 'editor', roles: ['notice-editor', 'notice-publisher'] } });
    expect((await screen.findByTestId('four-eyes')).textContent).toContain('这是您起草的通告');
    expect(screen.queryByRole('button', { name: '发布' })).toBeNull();
  });

  it("shows the gateway's refusal of a publication (FOUR_EYES) with its code, the page intact", async () => {
    fakeGateway((body) =>
      body.hash === hashOf(PublishNoticeDocument)
        ? { data: { publishNotice: null }, errors: [{ message: 'publishNotice: notice 990 was drafted by you', path: ['publishNotice'], extensions: { code: 'FOUR_EYES' } }] }
        : { data: { notice: { ...draft, draftedBy: 'chief' } } });
    renderScreen(<NoticeDetail id="n990" />, { session: publisher });
    await userEvent.setup().click(await screen.findByRole('button', { name: '发布' }));
    expect((await screen.findByRole('alert')).textContent).toContain('FOUR_EYES: publishNotice: notice 990 was drafted by you');
    expect(screen.getByText('小店区某小区')).toBeTruthy();
  });
});
