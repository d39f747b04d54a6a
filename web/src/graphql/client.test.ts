import { afterEach, describe, expect, it, vi } from 'vitest';
import { RiskLookupDocument } from '../gql/graphql';
import { execute, hashOf, RequestFailure } from './client';
import manifest from '../gql/persisted-documents.json';

afterEach(() => vi.unstubAllGlobals());

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('execute', () => {
  it('sends a registered operation by its SHA-256 alone, with the token, and never its text', async () => {
    const fetchMock = vi.fn(async () => json({ data: { riskLevel: null } }));
    await execute('/graphql', RiskLookupDocument, { address: 'x' }, 'tok', fetchMock);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    const body = JSON.parse(String(init.body));
    expect(url).toBe('/graphql');
    expect(body.query).toBeUndefined();
    expect(body.extensions.persistedQuery).toEqual({ version: 1, sha256Hash: hashOf(RiskLookupDocument) });
    expect(body.variables).toEqual({ address: 'x' });
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });

  it('sends no Authorization header when nobody is signed in', async () => {
    const fetchMock = vi.fn(async () => json({ data: {} }));
    await execute('/graphql', RiskLookupDocument, { address: 'x' }, null, fetchMock);
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect((init.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it('keeps partial data beside the errors located at their paths', async () => {
    const errors = [{ message: 'no', path: ['noticeAuditTrail'], extensions: { code: 'FORBIDDEN' } }];
    const answer = await execute('/graphql', RiskLookupDocument, { address: 'x' }, null,
      async () => json({ data: { riskLevel: { designated: false } }, errors }));
    expect(answer.data).toEqual({ riskLevel: { designated: false } });
    expect(answer.errors).toEqual(errors);
  });

  it('fails as a whole on an HTTP error without data, keeping the status and the errors', async () => {
    const err = await execute('/graphql', RiskLookupDocument, { address: 'x' }, 'old',
      async () => json({ errors: [{ message: 'token expired' }] }, 401)).catch((e) => e);
    expect(err).toBeInstanceOf(RequestFailure);
    expect(err.status).toBe(401);
    expect(err.message).toBe('token expired');
  });

  it('fails as a whole when the network fails', async () => {
    const err = await execute('/graphql', RiskLookupDocument, { address: 'x' }, null, async () => {
      throw new TypeError('Failed to fetch');
    }).catch((e) => e);
    expect(err).toBeInstanceOf(RequestFailure);
    expect(err.status).toBeNull();
  });
});

describe('the trusted-documents manifest', () => {
  it('holds every operation under the SHA-256 of its exact text, the id the gateway checks', async () => {
    const entries = Object.entries(manifest as Record<string, string>);
    expect(entries.length).toBeGreaterThan(0);
    for (const [id, text] of entries) {
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
      const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
      expect(id).toBe(`sha256:${hex}`);
    }
    expect(Object.keys(manifest)).toContain(`sha256:${hashOf(RiskLookupDocument)}`);
  });
});
