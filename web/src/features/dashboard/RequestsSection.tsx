import type { DashboardQuery, DashboardRequestFragment } from '../../gql/graphql';
import type { GraphQLError } from '../../graphql/client';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';
import { formatDateTime } from '../../i18n/time';
import { FieldMessage } from '../../ui/FieldMessage';
import { MoreNote } from './MoreNote';
import { Section } from './Section';

type Page = DashboardQuery['openRequests'] | null;

/** Residents' requests (接诉即办): the figures per community, the overdue ones, the open ones nobody has yet. */
export function RequestsSection({ open, overdue, figures, errors }: {
  open: Page;
  overdue: Page;
  figures: DashboardQuery['requestFigures'];
  errors: { open?: GraphQLError; overdue?: GraphQLError; figures?: GraphQLError };
}) {
  const { t } = useI18n();
  return (
    <Section id="dash-requests" title={t('dashboard.requests')}>
      {errors.figures ? (
        <FieldMessage error={errors.figures} />
      ) : (
        figures.map((f) => (
          <p key={f.community.id}>
            {t('dashboard.figures', { community: f.community.name, open: f.open, overdue: f.overdue, closed: f.closed })}
          </p>
        ))
      )}
      <h3>{t('dashboard.overdueRequests')}</h3>
      {errors.overdue ? <FieldMessage error={errors.overdue} /> : <RequestList page={overdue} />}
      <h3>{t('dashboard.openRequests')}</h3>
      {errors.open ? <FieldMessage error={errors.open} /> : <RequestList page={open} />}
    </Section>
  );
}

function RequestList({ page }: { page: Page }) {
  const { t, lang } = useI18n();
  const list: DashboardRequestFragment[] = (page?.edges ?? []).map((e) => e.node);
  if (list.length === 0) return <p>{t('dashboard.empty')}</p>;
  return (
    <>
      <ul className="cards">
        {list.map((r) => (
          <li key={r.id} data-testid="request">
            <strong>
              {t(`dashboard.request.${r.kind}` as MessageKey)} · {t(`dashboard.urgency.${r.urgency}` as MessageKey)}
              {r.overdue && <span className="badge dash-short"> {t('dashboard.overdue')}</span>}
            </strong>
            <span>{r.description}</span>
            <span className="dash-meta">{t('dashboard.due', { time: formatDateTime(r.dueAt, lang) })}</span>
          </li>
        ))}
      </ul>
      <MoreNote more={page?.pageInfo.hasNextPage ?? false} count={20} />
    </>
  );
}
