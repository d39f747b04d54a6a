import { useMemo, useState } from 'react';
import { HighRiskAreasDocument, RiskCountsDocument } from '../../gql/graphql';
import { errorAt } from '../../graphql/errors';
import { useQuery } from '../../graphql/useGraphQL';
import { useI18n } from '../../i18n/I18n';
import { formatDate, todayInCity } from '../../i18n/time';
import { Failure, FieldMessage } from '../../ui/FieldMessage';
import { NextPage } from '../../ui/NextPage';

/** Per district: how many high- and low-risk areas at a date; one district's high-risk areas on demand. */
export function HighRiskAreas() {
  const { t } = useI18n();
  const [asOf, setAsOf] = useState(todayInCity());
  const [district, setDistrict] = useState<string | null>(null);
  const counts = useQuery(RiskCountsDocument, { asOf });
  const rows = useMemo(() => {
    const byDistrict = new Map<string, { high: number; low: number }>();
    for (const c of counts.answer?.data?.riskCounts ?? []) {
      if (!c) continue;
      const row = byDistrict.get(c.district) ?? { high: 0, low: 0 };
      if (c.level === 'HIGH') row.high += c.areas;
      if (c.level === 'LOW') row.low += c.areas;
      byDistrict.set(c.district, row);
    }
    return [...byDistrict.entries()].sort((a, b) => b[1].high - a[1].high || a[0].localeCompare(b[0], 'zh'));
  }, [counts.answer]);
  const refused = counts.answer ? errorAt(counts.answer.errors, ['riskCounts']) : undefined;
  return (
    <section aria-labelledby="areas-heading">
      <h1 id="areas-heading">{t('areas.heading')}</h1>
      <label className="inline">
        {t('common.asOf')}
        <input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
      </label>
      {counts.loading && <p aria-live="polite">{t('common.loading')}</p>}
      <Failure message={counts.failure} onRetry={counts.reload} />
      {refused && <FieldMessage error={refused} />}
      {counts.answer && rows.length === 0 && !refused && <p>{t('areas.none')}</p>}
      {rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('areas.district')}</th>
              <th scope="col">{t('areas.high')}</th>
              <th scope="col">{t('areas.low')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([name, row]) => (
              <tr key={name}>
                <th scope="row">
                  <button type="button" className="link" aria-pressed={district === name} onClick={() => setDistrict(name)}
                    aria-label={t('areas.show', { district: name })}>
                    {name}
                  </button>
                </th>
                <td>{row.high}</td>
                <td>{row.low}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {district && <DistrictAreas district={district} asOf={asOf} />}
    </section>
  );
}

function DistrictAreas({ district, asOf }: { district: string; asOf: string }) {
  const { t, lang } = useI18n();
  const [after, setAfter] = useState<string | null>(null);
  const { loading, answer, failure, reload } = useQuery(HighRiskAreasDocument, { asOf, district, after });
  const page = answer?.data?.riskAreas;
  const refused = answer ? errorAt(answer.errors, ['riskAreas']) : undefined;
  return (
    <section aria-labelledby="district-heading">
      <h2 id="district-heading">{t('areas.in', { district })}</h2>
      {loading && <p aria-live="polite">{t('common.loading')}</p>}
      <Failure message={failure} onRetry={reload} />
      {refused && <FieldMessage error={refused} />}
      <ul className="cards" data-testid="district-areas">
        {page?.edges.map(({ node }) => (
          <li key={node.area.id}>
            <strong>{node.area.fullName}</strong>
            <span>
              {t('risk.since')} {formatDate(node.since, lang)}
              {node.notice && (
                <>
                  {' · '}
                  <a href={`#/notices/${node.notice.id}`}>{t('notices.open', { number: node.notice.number })}</a>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
      <NextPage pageInfo={page?.pageInfo} onNext={setAfter} />
    </section>
  );
}
