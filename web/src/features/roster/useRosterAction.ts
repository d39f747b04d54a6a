import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useState } from 'react';
import type { GraphQLError } from '../../graphql/client';
import { useRun } from '../../graphql/useGraphQL';
import type { MessageKey } from '../../i18n/messages';

export interface ActionState {
  busy: boolean;
  /** Where the last action was taken (a shift's or an assignment's id): its outcome is shown there */
  at: string | null;
  errors: GraphQLError[];
  done: MessageKey | null;
}

/**
 * Runs one roster mutation at a time and keeps its outcome for the place it was taken: the refusals (each with its
 * code) or the sentence saying it was done; after success the board reads again (onDone).
 */
export function useRosterAction(onDone: () => void) {
  const run = useRun();
  const [state, setState] = useState<ActionState>({ busy: false, at: null, errors: [], done: null });
  async function act<TData, TVars>(at: string, doc: TypedDocumentNode<TData, TVars>, vars: TVars, done: MessageKey): Promise<boolean> {
    setState({ busy: true, at, errors: [], done: null });
    try {
      const answer = await run(doc, vars);
      const written = Object.values((answer.data ?? {}) as Record<string, unknown>).some((v) => v != null);
      if (answer.errors.length > 0 || !written) {
        setState({ busy: false, at, errors: answer.errors.length > 0 ? answer.errors : [{ message: 'no answer' }], done: null });
        return false;
      }
      setState({ busy: false, at, errors: [], done });
      onDone();
      return true;
    } catch (e) {
      setState({ busy: false, at, errors: [{ message: e instanceof Error ? e.message : String(e) }], done: null });
      return false;
    }
  }
  return { ...state, act };
}
