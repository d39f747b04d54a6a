import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/** One error of a GraphQL answer, as the gateway sends it (code in extensions, path of the refused field). */
export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** An answer: data as far as it was allowed, and the errors located at their paths (partial results are normal). */
export interface Answer<T> {
  data: T | null;
  errors: GraphQLError[];
}

/** The request failed as a whole: network, HTTP status, or an answer without data. */
export class RequestFailure extends Error {
  constructor(message: string, readonly status: number | null, readonly errors: GraphQLError[] = []) {
    super(message);
  }
}

/** The SHA-256 the code generator put in place of each document (persisted documents, replaceDocumentWithHash). */
export function hashOf<TData, TVars>(document: TypedDocumentNode<TData, TVars>): string {
  const hash = (document as unknown as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) throw new Error('not a persisted document: run the codegen with persistedDocuments');
  // the manifest's ids read "sha256:<hex>"; the request carries the hex alone
  return hash.replace(/^sha256:/, '');
}

/**
 * Sends a registered operation to the gateway by its hash alone (Apollo's persisted-query request shape): the text
 * is never in the bundle, and the gateway runs only what the build registered (its trusted-documents manifest).
 */
export async function execute<TData, TVars>(
  url: string,
  document: TypedDocumentNode<TData, TVars>,
  variables: TVars,
  token: string | null,
  fetchImpl: typeof fetch = fetch,
): Promise<Answer<TData>> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/graphql-response+json, application/json',
  };
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetchImpl(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        variables,
        extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(document) } },
      }),
    });
  } catch (e) {
    throw new RequestFailure(e instanceof Error ? e.message : String(e), null);
  }
  let body: { data?: TData | null; errors?: GraphQLError[] } | null = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const errors = body?.errors ?? [];
  if (!res.ok && (body?.data === undefined || body?.data === null)) {
    throw new RequestFailure(errors[0]?.message ?? `HTTP ${res.status}`, res.status, errors);
  }
  if (!body || body.data === undefined) {
    throw new RequestFailure(errors[0]?.message ?? 'no data', res.status, errors);
  }
  return { data: body.data ?? null, errors };
}
