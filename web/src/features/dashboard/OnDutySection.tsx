import type { GraphQLError } from '../../graphql/client';
import { useI18n } from '../../i18n/I18n';
import { formatTime } from './cityClock';
import { onDutyNow, type PostShifts } from './onDutyNow';
import { Section } from './Section';

/** Who is on duty now, post by post (an around-the-clock post without anyone says so). */
export function OnDutySection({ posts, now, error }: { posts: readonly (PostShifts | null)[]; now: Date; error?: GraphQLError }) {
  const { t, lang } = useI18n();
  const rows = onDutyNow(posts, now);
  return (
    <Section id="dash-on-duty" title={t('dashboard.onDuty')} error={error}>
      {rows.length === 0 ? (
        <p>{t('dashboard.empty')}</p>
      ) : (
        <ul className="cards">
          {rows.map((r) => (
            <li key={r.postId}>
              <a href={`#/roster/${encodeURIComponent(r.postId)}`}>{r.postName}</a>
              {r.people.length > 0 ? <span>{r.people.join('、')}</span> : <span className="dash-short">{t('dashboard.onDutyNobody')}</span>}
              {r.from && r.until && (
                <span className="dash-meta">
                  {t('dashboard.onDutyShift', { from: formatTime(r.from, lang), until: formatTime(r.until, lang) })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
