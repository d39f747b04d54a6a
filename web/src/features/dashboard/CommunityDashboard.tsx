import { DashboardDocument } from '../../gql/graphql';
import { errorAt } from '../../graphql/errors';
import { useQuery } from '../../graphql/useGraphQL';
import { useI18n } from '../../i18n/I18n';
import { Failure } from '../../ui/FieldMessage';
import { AlertsSection } from './AlertsSection';
import { dashboardWindow } from './cityClock';
import { CoverageSection } from './CoverageSection';
import { OnDutySection } from './OnDutySection';
import { RequestsSection } from './RequestsSection';
import { ResponsesSection } from './ResponsesSection';
import { TasksSection } from './TasksSection';
import { useClock } from './useClock';
import { useDataShownMark } from './useDataShownMark';

/** Live views poll until the gateway serves subscriptions. */
export const POLL_MS = 15_000;

/** One community's dashboard: one request for every section, again every 15 s; each section's refusal in its place. */
export function CommunityDashboard({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const now = useClock();
  const { days, ...window } = dashboardWindow(now);
  const { loading, answer, failure, reload } = useQuery(DashboardDocument, { community: communityId, ...window }, { pollMs: POLL_MS });
  const data = answer?.data ?? null;
  const errors = answer?.errors ?? [];
  useDataShownMark(data !== null);
  // the community itself refused: every section of it says so (errorAt would also match an error below it)
  const communityRefused = errors.find((e) => e.path?.length === 1 && e.path[0] === 'community');
  if (!answer) {
    return (
      <>
        {loading && <p aria-live="polite">{t('common.loading')}</p>}
        <Failure message={failure} onRetry={reload} />
      </>
    );
  }
  return (
    <div className="dash" data-testid="dashboard-data">
      <p className="dash-live">{t('dashboard.live')}</p>
      {data === null && <Failure errors={errors} onRetry={reload} />}
      <ResponsesSection responses={data?.community?.responses ?? []} error={errorAt(errors, ['community', 'responses']) ?? communityRefused} />
      <AlertsSection alerts={data?.alerts ?? null} error={errorAt(errors, ['alerts'])} onChange={reload} />
      <CoverageSection gaps={data?.coverageGaps ?? []} days={days} error={errorAt(errors, ['coverageGaps'])} />
      <OnDutySection posts={data?.community?.dutyPosts ?? []} now={now} error={errorAt(errors, ['community', 'dutyPosts']) ?? communityRefused} />
      <TasksSection tasks={data?.tasks ?? null} error={errorAt(errors, ['tasks'])} />
      <RequestsSection
        open={data?.openRequests ?? null}
        overdue={data?.overdueRequests ?? null}
        figures={data?.requestFigures ?? []}
        errors={{ open: errorAt(errors, ['openRequests']), overdue: errorAt(errors, ['overdueRequests']), figures: errorAt(errors, ['requestFigures']) }}
      />
    </div>
  );
}
