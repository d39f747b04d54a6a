import type { DashboardQuery } from '../../gql/graphql';
import type { GraphQLError } from '../../graphql/client';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';
import { formatDateTime } from '../../i18n/time';
import { MoreNote } from './MoreNote';
import { Section } from './Section';

/** The community's open tasks (nobody has them yet), oldest first as the API lists them. */
export function TasksSection({ tasks, error }: { tasks: DashboardQuery['tasks'] | null; error?: GraphQLError }) {
  const { t, lang } = useI18n();
  const list = (tasks?.edges ?? []).map((e) => e.node);
  return (
    <Section id="dash-tasks" title={t('dashboard.tasks')} error={error}>
      {list.length === 0 ? (
        <p>{t('dashboard.empty')}</p>
      ) : (
        <ul className="cards">
          {list.map((task) => (
            <li key={task.id}>
              <strong>{t(`dashboard.task.${task.kind}` as MessageKey)}</strong>
              <span>{[task.unit.name, task.household].filter(Boolean).join(' ')}</span>
              {task.description && <span>{task.description}</span>}
              {task.dueAt && <span className="dash-meta">{t('dashboard.due', { time: formatDateTime(task.dueAt, lang) })}</span>}
            </li>
          ))}
        </ul>
      )}
      <MoreNote more={tasks?.pageInfo.hasNextPage ?? false} count={20} />
    </Section>
  );
}
