import { useState } from 'react';
import { CompleteTestingRoundDocument, GenerateMissedTasksDocument } from '../../gql/graphql';
import type { GraphQLError } from '../../graphql/client';
import { useRun } from '../../graphql/useGraphQL';
import { useI18n } from '../../i18n/I18n';
import { errorText } from './errorText';

type Outcome = { done: string } | { refused: GraphQLError } | null;

const refusalOf = (errors: GraphQLError[], e?: unknown): GraphQLError =>
  errors[0] ?? { message: e instanceof Error ? e.message : String(e ?? 'no answer') };

/** The community's administrators: complete the round (HOUSEHOLDS_MISSING with the count in place), make tasks. */
export function StaffActions({ roundId, onChange }: { roundId: string; onChange(): void }) {
  const { t } = useI18n();
  const run = useRun();
  const [complete, setComplete] = useState<Outcome>(null);
  const [tasks, setTasks] = useState<Outcome>(null);
  const doComplete = async () => {
    setComplete(null);
    try {
      const answer = await run(CompleteTestingRoundDocument, { id: roundId });
      setComplete(answer.data?.completeTestingRound ? { done: t('households.completed') } : { refused: refusalOf(answer.errors) });
      if (answer.data?.completeTestingRound) onChange();
    } catch (e) {
      setComplete({ refused: refusalOf([], e) });
    }
  };
  const doTasks = async () => {
    setTasks(null);
    try {
      const answer = await run(GenerateMissedTasksDocument, { roundId });
      const made = answer.data?.generateMissedTasks;
      setTasks(made ? { done: t('households.tasksGenerated', { count: made.length }) } : { refused: refusalOf(answer.errors) });
    } catch (e) {
      setTasks({ refused: refusalOf([], e) });
    }
  };
  const show = (outcome: Outcome, testId: string) =>
    outcome &&
    ('done' in outcome ? (
      <p role="status" data-testid={testId}>{outcome.done}</p>
    ) : (
      <p className="field-message" role="alert" data-testid={testId} data-code={outcome.refused.extensions?.code ?? ''}>
        {errorText(t, outcome.refused)}
      </p>
    ));
  return (
    <section aria-labelledby="staff-heading" className="staff-actions">
      <h2 id="staff-heading">{t('households.staff')}</h2>
      <div>
        <button type="button" onClick={() => void doComplete()}>{t('households.complete')}</button>
        {show(complete, 'complete-outcome')}
      </div>
      <div>
        <button type="button" onClick={() => void doTasks()}>{t('households.generateTasks')}</button>
        {show(tasks, 'tasks-outcome')}
      </div>
    </section>
  );
}
