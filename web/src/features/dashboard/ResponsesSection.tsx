import type { DashboardQuery } from '../../gql/graphql';
import type { GraphQLError } from '../../graphql/client';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';
import { formatDate } from '../../i18n/time';
import { openResponses, uncoveredOf } from './openResponses';
import { Section } from './Section';

type Response = NonNullable<NonNullable<NonNullable<DashboardQuery['community']>['responses']>[number]>;

/** The community's responses under way: state, area, level, since when, and what their posts leave uncovered. */
export function ResponsesSection({ responses, error }: { responses: readonly (Response | null)[]; error?: GraphQLError }) {
  const { t, lang } = useI18n();
  const open = openResponses(responses);
  return (
    <Section id="dash-responses" title={t('dashboard.responses')} error={error}>
      {open.length === 0 ? (
        <p>{t('dashboard.empty')}</p>
      ) : (
        <ul className="cards">
          {open.map((r) => {
            const uncovered = uncoveredOf(r);
            return (
              <li key={r.id}>
                <strong>{r.areaName}</strong>
                <span>
                  <span className={`level level-${r.level}`}>{r.level}</span>{' '}
                  <span className="badge">{t(`dashboard.state.${r.state}` as MessageKey)}</span>
                  {r.state === 'TESTING' && r.testingRound !== null && (
                    <> {t('dashboard.responseRound', { round: r.testingRound, count: r.testingRoundCount })}</>
                  )}
                </span>
                <span>{t('dashboard.effective', { date: formatDate(r.effectiveDate, lang) })}</span>
                <span className={uncovered.postHours > 0 ? 'dash-short' : undefined}>
                  {uncovered.postHours > 0
                    ? t('dashboard.uncovered', { hours: uncovered.postHours, posts: uncovered.posts.map((p) => p.name).join('、') })
                    : t('dashboard.covered')}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
