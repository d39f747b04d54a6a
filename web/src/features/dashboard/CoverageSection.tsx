import type { GraphQLError } from '../../graphql/client';
import { useI18n } from '../../i18n/I18n';
import { formatDay } from './cityClock';
import { coverageGrid, type Gap, type Segment } from './coverageGrid';
import { Section } from './Section';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/**
 * The week's coverage gaps as a post × hour grid: a table per post with a gap, a row per day, 24 hour columns; each
 * run of hours short of people is one cell spanning them, a link to the post's roster board named with its hours and
 * headcount (so a keyboard or screen-reader user meets one link per run, not one per hour).
 */
export function CoverageSection({ gaps, days, error }: { gaps: readonly (Gap | null)[]; days: string[]; error?: GraphQLError }) {
  const { t, lang } = useI18n();
  const grid = coverageGrid(gaps, days);
  return (
    <Section id="dash-coverage" title={t('dashboard.coverage')} error={error}>
      {grid.length === 0 ? (
        <p>{t('dashboard.coverageNone')}</p>
      ) : (
        <>
          <p className="dash-legend">
            <span className="swatch gap-short" aria-hidden="true" /> <span className="swatch gap-none" aria-hidden="true" />{' '}
            {t('dashboard.coverageLegend')}
          </p>
          {grid.map((post) => (
            <table key={post.postId} className="coverage" data-testid="coverage-post">
              <caption>
                <a href={`#/roster/${encodeURIComponent(post.postId)}`}>
                  {t('dashboard.shortHours', { post: post.postName, hours: post.shortHours })}
                </a>
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="coverage-day">{t('dashboard.day')}</th>
                  {HOURS.map((h) => (
                    <th scope="col" key={h} className="coverage-hour">
                      {h % 6 === 0 ? <span aria-hidden="true">{h}</span> : null}
                      <span className="visually-hidden">{t('dashboard.hour', { hour: h })}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {post.days.map((day) => (
                  <tr key={day.date}>
                    <th scope="row" className="coverage-day">{formatDay(day.date, lang)}</th>
                    {day.segments.map((s) => (
                      <td key={s.start} colSpan={s.length} className={cellClass(s)}>
                        {s.kind === 'gap' && (
                          <a href={`#/roster/${encodeURIComponent(post.postId)}`}>
                            {/* the count shows on wide runs; the name says it all (a visible text outside the name fails axe) */}
                            <span aria-hidden="true">{s.length >= 3 ? `${s.staffed}/${s.required}` : ''}</span>
                            <span className="visually-hidden">
                              {t(s.hasShift ? 'dashboard.gap' : 'dashboard.gapNoShift', {
                                post: post.postName,
                                day: formatDay(day.date, lang),
                                from: hh(s.start),
                                until: hh(s.start + s.length),
                                staffed: s.staffed,
                                required: s.required,
                              })}
                            </span>
                          </a>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </>
      )}
    </Section>
  );
}

function cellClass(s: Segment): string {
  if (s.kind === 'covered') return 'covered';
  return s.hasShift ? 'gap-short' : 'gap-none';
}
