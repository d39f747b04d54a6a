import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useState } from 'react';
import type { GraphQLError } from '../../graphql/client';
import { useRun } from '../../graphql/useGraphQL';

export interface Actions {
  /** The refusal of the last try on each object (by its key), shown where it was tried. */
  errors: Record<string, GraphQLError>;
  /** The object an action is under way for. */
  busy: string | null;
  /** What the last successful action did, for the status line. */
  done: string | null;
  act<TData, TVars>(key: string, doc: TypedDocumentNode<TData, TVars>, vars: TVars, doneText: string): Promise<void>;
}

/**
 * Runs a mutation for one object of the screen: on success the screen reads again; a refusal (a rule's error, or a
 * failed request) is kept at that object and nothing else changes.
 */
export function useActions(onDone: () => void): Actions {
  const run = useRun();
  const [errors, setErrors] = useState<Record<string, GraphQLError>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const act: Actions['act'] = async (key, doc, vars, doneText) => {
    setBusy(key);
    setDone(null);
    let refusal: GraphQLError | undefined;
    try {
      const result = await run(doc, vars);
      const answered = result.data !== null && Object.values(result.data as object).every((v) => v !== null);
      refusal = result.errors[0] ?? (answered ? undefined : { message: 'no answer' });
    } catch (e) {
      refusal = { message: e instanceof Error ? e.message : String(e) };
    }
    setBusy(null);
    setErrors(({ [key]: _previous, ...rest }) => (refusal ? { ...rest, [key]: refusal } : rest));
    if (!refusal) {
      setDone(doneText);
      onDone();
    }
  };
  return { errors, busy, done, act };
}
