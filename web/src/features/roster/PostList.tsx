import { useState } from 'react';
import { RosterDistrictCommunitiesDocument, RosterPostsDocument } from '../../gql/graphql';
import { errorAt } from '../../graphql/errors';
import { useQuery } from '../../graphql/useGraphQL';
import { useI18n } from '../../i18n/I18n';
import { Failure, FieldMessage } from '../../ui/FieldMessage';
import { useMyUnits } from '../units/useMyUnits';
import { communityChoices } from './communities';
import { sortPosts } from './week';

/** The posts of my community (a district officer chooses one of the district's), open ones first, each to its board. */
export function PostList() {
  const { t } = useI18n();
  const mine = useMyUnits();
  const district = mine.units.find((u) => u.kind === 'DISTRICT');
  const tree = useQuery(RosterDistrictCommunitiesDocument, district ? { unit: district.id } : null);
  const choices = communityChoices(mine.units, tree.answer?.data?.orgUnit?.children ?? []);
  const [picked, setPicked] = useState<string | null>(null);
  const community = choices.find((c) => c.id === picked) ?? choices[0];
  const posts = useQuery(RosterPostsDocument, community ? { community: community.id } : null);
  const refused = posts.answer && errorAt(posts.answer.errors, ['community']);
  const list = sortPosts(posts.answer?.data?.community?.dutyPosts ?? []);
  const settled = !mine.loading && !tree.loading && mine.answer !== null;

  return (
    <section aria-labelledby="roster-heading" className="roster">
      <h1 id="roster-heading" tabIndex={-1}>{t('roster.heading')}</h1>
      <Failure message={mine.failure ?? tree.failure} onRetry={mine.reload} />
      {settled && choices.length === 0 && <p>{t('roster.noCommunity')}</p>}
      {choices.length > 1 && (
        <label className="inline">
          {t('roster.community')}
          <select value={community?.id} onChange={(e) => setPicked(e.target.value)}>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </label>
      )}
      {(mine.loading || posts.loading) && <p aria-live="polite">{t('common.loading')}</p>}
      <Failure message={posts.failure} onRetry={posts.reload} />
      {refused && <FieldMessage error={refused} />}
      {community && posts.answer && !refused && (
        <>
          <h2>{t('roster.posts', { community: community.name })}</h2>
          {list.length === 0 && <p>{t('roster.noPosts')}</p>}
          <ul className="cards" data-testid="post-list">
            {list.map((p) => (
              <li key={p.id}>
                <a href={`#/roster/${encodeURIComponent(p.id)}`}>{p.name}</a>
                <span>
                  {t('roster.headcount', { n: p.requiredHeadcount })}
                  {p.aroundTheClock && ` · ${t('roster.aroundTheClock')}`}
                  {!p.open && <> · <span className="badge">{t('roster.closed')}</span></>}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
