import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useState } from 'react';
import { useAuth } from '../../auth/AuthContext';
import {
  MyWorkAcceptSwapDocument, type MyWorkAcceptSwapMutationVariables, MyWorkDeclineSwapDocument, MyWorkDocument, MyWorkSignUpDocument, MyWorkWithdrawSwapDocument,
} from '../../gql/graphql';
import { errorAt } from '../../graphql/errors';
import { useQuery } from '../../graphql/useGraphQL';
import { useI18n } from '../../i18n/I18n';
import { Failure, FieldMessage } from '../../ui/FieldMessage';
import { MyHours } from './Hours';
import { MyShifts } from './MyShifts';
import { OpenShifts } from './OpenShifts';
import { shiftName } from './ShiftSummary';
import { SwapRequests, type SwapDecision } from './SwapRequests';
import { useActions } from './useActions';
import { workWindows } from './windows';
import './myWork.css';

const POLL_MS = 30_000;
const DECISIONS: Record<SwapDecision, TypedDocumentNode<object, MyWorkAcceptSwapMutationVariables>> = {
  accept: MyWorkAcceptSwapDocument, decline: MyWorkDeclineSwapDocument, withdraw: MyWorkWithdrawSwapDocument,
};

/**
 * 我的值守: a volunteer's shifts this week and next, the swap requests they are part of, their hours, then the
 * (often long) list of shifts they may take; read again every 30 s. An account without a volunteer is told how to register.
 */
export function MyWork() {
  const { t, lang } = useI18n();
  const { session } = useAuth();
  const [windows] = useState(() => workWindows(new Date()));
  const { loading, answer, failure, reload } = useQuery(MyWorkDocument, session ? windows : null, { pollMs: POLL_MS });
  const actions = useActions(reload);
  const data = answer?.data;
  const errors = answer?.errors ?? [];
  const me = data?.me;
  const meRefused = errorAt(errors, ['me']);

  return (
    <section aria-labelledby="me-heading" className="my-work">
      <h1 id="me-heading" tabIndex={-1}>{t('me.heading')}</h1>
      {!session && <p>{t('me.signInFirst')}</p>}
      {loading && !answer && <p role="status">{t('common.loading')}</p>}
      <Failure message={failure} onRetry={reload} />
      {answer && !data && <Failure errors={errors} onRetry={reload} />}
      {data && !me && (meRefused ? <FieldMessage error={meRefused} /> : <p data-testid="no-volunteer">{t('me.noVolunteer')}</p>)}
      {data && me && (
        <>
          <p>{t('me.who', { name: me.name, community: me.community?.name ?? '' })}</p>
          <p role="status" className="done">{actions.done}</p>
          <MyShifts assignments={data.myShifts} errors={errors} />
          <SwapRequests swaps={data.mySwapRequests} me={me.id} errors={errors} refusals={actions.errors}
            busy={actions.busy}
            onDecide={(swap, decision: SwapDecision) => actions.act(swap.id, DECISIONS[decision],
              { swapId: swap.id, volunteerId: me.id }, t('me.swapDone'))} />
          <MyHours week={data.weekHours} month={data.monthHours} />
          <OpenShifts shifts={data.myOpenShifts} errors={errors} refusals={actions.errors} busy={actions.busy}
            onTake={(shift) => actions.act(shift.id, MyWorkSignUpDocument, { shiftId: shift.id, volunteerId: me.id },
              t('me.taken', shiftName(shift, lang)))} />
        </>
      )}
    </section>
  );
}
