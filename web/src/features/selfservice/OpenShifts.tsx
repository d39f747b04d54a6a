import type { MyWorkQuery } from '../../gql/graphql';
import type { GraphQLError } from '../../graphql/client';
import { errorAt } from '../../graphql/errors';
import { useI18n } from '../../i18n/I18n';
import { FieldMessage } from '../../ui/FieldMessage';
import { DayList } from './DayList';
import { RuleMessage } from './RuleMessage';
import { shiftName, ShiftSummary } from './ShiftSummary';

type Open = MyWorkQuery['myOpenShifts'][number];

/** Shifts I may take, by day, each with its button and, after a refused try, the rule's message in place. */
export function OpenShifts({ shifts, errors, refusals, busy, onTake }: {
  shifts: Open[];
  errors: GraphQLError[];
  refusals: Record<string, GraphQLError>;
  busy: string | null;
  onTake(shift: Open): void;
}) {
  const { t, lang } = useI18n();
  const refused = errorAt(errors, ['myOpenShifts']);
  return (
    <section aria-labelledby="me-open" data-testid="open-shifts">
      <h2 id="me-open">{t('me.open')}</h2>
      {refused && <FieldMessage error={refused} />}
      {shifts.length === 0 && !refused && <p>{t('me.noOpen')}</p>}
      <DayList items={shifts} startOf={(s) => s.startsAt} keyOf={(s) => s.id} testId={(s) => `open-shift-${s.id}`}>
        {(s) => (
          <>
            <ShiftSummary shift={s} />
            {s.assignments && (
              <span>{t('me.places', { free: s.requiredHeadcount - s.assignments.length, required: s.requiredHeadcount })}</span>
            )}
            <span>
              <button type="button" disabled={busy !== null} onClick={() => onTake(s)}
                aria-label={t('me.takeLabel', shiftName(s, lang))}>
                {t('me.take')}
              </button>
            </span>
            <RuleMessage error={refusals[s.id]} />
          </>
        )}
      </DayList>
    </section>
  );
}
