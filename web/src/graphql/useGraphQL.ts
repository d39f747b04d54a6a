import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { useAuth } from '../auth/AuthContext';
import { execute, RequestFailure, type Answer } from './client';

/** Where the gateway answers; set once from /config.json. */
export const GraphQLUrl = createContext<string>('/graphql');

export type Run = <TData, TVars>(doc: TypedDocumentNode<TData, TVars>, vars: TVars) => Promise<Answer<TData>>;

/** Runs operations with the signed-in person's token; after a 401 refreshes once and tries again. */
export function useRun(): Run {
  const url = useContext(GraphQLUrl);
  const { session, refresh } = useAuth();
  const token = session?.accessToken ?? null;
  return useCallback(
    async (doc, vars) => {
      try {
        return await execute(url, doc, vars, token);
      } catch (e) {
        if (e instanceof RequestFailure && e.status === 401 && token) {
          const fresh = await refresh();
          return execute(url, doc, vars, fresh?.accessToken ?? null);
        }
        throw e;
      }
    },
    [url, token, refresh],
  );
}

export interface QueryState<T> {
  loading: boolean;
  answer: Answer<T> | null;
  failure: string | null;
  reload(): void;
}

export interface QueryOptions {
  /**
   * Live views: read again every pollMs milliseconds while the page is visible, keeping the last answer on screen
   * meanwhile (no loading state), until the gateway serves subscriptions.
   */
  pollMs?: number;
}

/** A query run when its variables change (null variables: not yet). */
export function useQuery<TData, TVars>(
  doc: TypedDocumentNode<TData, TVars>,
  vars: TVars | null,
  options: QueryOptions = {},
): QueryState<TData> {
  const run = useRun();
  const [state, setState] = useState<{ loading: boolean; answer: Answer<TData> | null; failure: string | null }>({
    loading: vars !== null,
    answer: null,
    failure: null,
  });
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(vars);
  const latest = useRef(0);
  useEffect(() => {
    if (vars === null) return;
    const mine = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    run(doc, vars).then(
      (answer) => mine === latest.current && setState({ loading: false, answer, failure: null }),
      (e: unknown) =>
        mine === latest.current &&
        setState({ loading: false, answer: null, failure: e instanceof Error ? e.message : String(e) }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, key, run, tick]);
  const pollMs = options.pollMs;
  useEffect(() => {
    if (vars === null || !pollMs) return;
    const timer = setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      const mine = ++latest.current;
      run(doc, vars).then(
        (answer) => mine === latest.current && setState({ loading: false, answer, failure: null }),
        // a failed poll keeps what is on screen; the next one tries again
        () => undefined,
      );
    }, pollMs);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, key, run, pollMs]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}
