import type { MyWorkQuery } from '../../gql/graphql';
import type { GraphQLError } from '../../graphql/client';
import { errorAt } from '../../graphql/errors';
import { useI18n } from '../../i18n/I18n';
import { FieldMessage } from '../../ui/FieldMessage';
import { DayList } from './DayList';
import { ShiftSummary } from './ShiftSummary';

type Mine = MyWorkQuery['myShifts'][number];

/** My shifts this week and next, by day. Volunteers do not cancel their own (the administrators do): it says so. */
export function MyShifts({ assignments, errors }: { assignments: Mine[]; errors: GraphQLError[] }) {
  const { t } = useI18n();
  const refused = errorAt(errors, ['myShifts']);
  const shown = assignments.filter((a) => a.shift);
  return (
    <section aria-labelledby="me-mine" data-testid="my-shifts">
      <h2 id="me-mine">{t('me.mine')}</h2>
      {refused && <FieldMessage error={refused} />}
      {shown.length === 0 && !refused && <p>{t('me.noShifts')}</p>}
      <DayList items={shown} startOf={(a) => a.shift!.startsAt} keyOf={(a) => a.id}
        testId={(a) => `my-shift-${a.shift!.id}`}>
        {(a) => <ShiftSummary shift={a.shift!} />}
      </DayList>
      {shown.length > 0 && <p className="hint">{t('me.noCancel')}</p>}
    </section>
  );
}
