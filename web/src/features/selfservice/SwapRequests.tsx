import type { MyWorkQuery } from '../../gql/graphql';
import type { GraphQLError } from '../../graphql/client';
import { errorAt } from '../../graphql/errors';
import { useI18n } from '../../i18n/I18n';
import { formatDateTime } from '../../i18n/time';
import { FieldMessage } from '../../ui/FieldMessage';
import { RuleMessage } from './RuleMessage';
import { ShiftSummary } from './ShiftSummary';
import { dayLabel } from './shiftTime';
import { todayInCity } from '../../i18n/time';

type Swap = MyWorkQuery['mySwapRequests'][number];
export type SwapDecision = 'accept' | 'decline' | 'withdraw';

/**
 * Open swap requests: those addressed to me (accept or decline; an exchange shows both shifts) and those I made
 * (withdraw), each with its refusal in place.
 */
export function SwapRequests({ swaps, me, errors, refusals, busy, onDecide }: {
  swaps: Swap[];
  me: string;
  errors: GraphQLError[];
  refusals: Record<string, GraphQLError>;
  busy: string | null;
  onDecide(swap: Swap, decision: SwapDecision): void;
}) {
  const { t, lang } = useI18n();
  const refused = errorAt(errors, ['mySwapRequests']);
  const shiftLine = (shift: NonNullable<NonNullable<Swap['fromAssignment']>['shift']> | null | undefined) =>
    shift ? (
      <span className="swap-shift">
        {dayLabel(todayInCity(new Date(shift.startsAt)), lang)} <ShiftSummary shift={shift} />
      </span>
    ) : null;
  return (
    <section aria-labelledby="me-swaps" data-testid="swap-requests">
      <h2 id="me-swaps">{t('me.swaps')}</h2>
      {refused && <FieldMessage error={refused} />}
      {swaps.length === 0 && !refused && <p>{t('me.noSwaps')}</p>}
      <ul className="cards">
        {swaps.map((swap) => {
          const toMe = swap.toVolunteer?.id === me;
          const from = swap.fromAssignment?.volunteer?.name ?? t('me.someone');
          const to = swap.toVolunteer?.name ?? t('me.someone');
          const decide = (decision: SwapDecision) => () => onDecide(swap, decision);
          return (
            <li key={swap.id} data-testid={`swap-${swap.id}`}>
              <span>
                {toMe
                  ? t(swap.toAssignment ? 'me.swapExchangeToMe' : 'me.swapHandOverToMe', { name: from })
                  : t('me.swapByMe', { name: to })}
              </span>
              {shiftLine(swap.fromAssignment?.shift)}
              {toMe && swap.toAssignment && (
                <>
                  <span>{t('me.swapYours')}</span>
                  {shiftLine(swap.toAssignment.shift)}
                </>
              )}
              {swap.reason && <span>{t('me.swapReason', { reason: swap.reason })}</span>}
              <span className="hint">{formatDateTime(swap.createdAt, lang)}</span>
              <span className="actions">
                {toMe ? (
                  <>
                    <button type="button" disabled={busy !== null} onClick={decide('accept')}>{t('me.accept')}</button>
                    <button type="button" disabled={busy !== null} onClick={decide('decline')}>{t('me.decline')}</button>
                  </>
                ) : (
                  <button type="button" disabled={busy !== null} onClick={decide('withdraw')}>{t('me.withdraw')}</button>
                )}
              </span>
              <RuleMessage error={refusals[swap.id]} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
