import { useState } from 'react';
import { useAuth } from '../../auth/AuthContext';
import { useI18n } from '../../i18n/I18n';
import { Failure } from '../../ui/FieldMessage';
import { CommunityPicker, UnitIdForm } from './CommunityPicker';
import { CommunityDashboard } from './CommunityDashboard';
import { useCommunities } from './useCommunities';
import './dashboard.css';

/**
 * The community dashboard: a community admin sees their community, a district officer chooses one of the district's,
 * a system administrator names a unit. The community's data comes in one request, then live by polling.
 */
export function Dashboard() {
  const { t } = useI18n();
  const { session } = useAuth();
  const { communities, loading, failure, nameUnit, reload } = useCommunities();
  const [chosen, setChosen] = useState<string | null>(null);
  const community = communities.find((c) => c.id === chosen) ?? communities[0];
  return (
    <section aria-labelledby="dashboard-heading" className="dash">
      <h1 id="dashboard-heading" tabIndex={-1}>
        {community ? t('dashboard.headingOf', { community: community.name }) : t('dashboard.heading')}
      </h1>
      {!session && <p>{t('dashboard.signIn')}</p>}
      {session && loading && !community && <p aria-live="polite">{t('common.loading')}</p>}
      <Failure message={failure} onRetry={reload} />
      {session && !loading && !failure && communities.length === 0 && <UnitIdForm onOpen={nameUnit} />}
      {community && (
        <>
          <CommunityPicker communities={communities} value={community.id} onChange={setChosen} />
          <CommunityDashboard key={community.id} communityId={community.id} />
        </>
      )}
    </section>
  );
}
