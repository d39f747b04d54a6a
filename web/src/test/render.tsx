import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { StaticAuth } from '../auth/AuthContext';
import type { Session } from '../auth/session';
import { GraphQLUrl } from '../graphql/useGraphQL';
import { I18nProvider } from '../i18n/I18n';
import type { Lang } from '../i18n/messages';

/** A gateway stand-in: answers each request by the persisted query's hash; records what it was sent. */
export function fakeGateway(answer: (body: { variables: unknown; hash: string }, headers: Record<string, string>) => unknown) {
  const calls: { body: { variables: unknown; hash: string }; headers: Record<string, string> }[] = [];
  const fetchMock = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const raw = JSON.parse(String(init?.body));
    const body = { variables: raw.variables, hash: raw.extensions.persistedQuery.sha256Hash };
    const headers = init?.headers as Record<string, string>;
    calls.push({ body, headers });
    return new Response(JSON.stringify(answer(body, headers)), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

export function renderScreen(ui: ReactElement, { session = null, lang = 'zh' }: { session?: Session | null; lang?: Lang } = {}) {
  return render(
    <I18nProvider initial={lang}>
      <GraphQLUrl.Provider value="/graphql">
        <StaticAuth session={session}>{ui}</StaticAuth>
      </GraphQLUrl.Provider>
    </I18nProvider>,
  );
}
