import { useEffect, useMemo, useState } from 'react';
import { RiskTrendDocument } from '../../gql/graphql';
import { errorAt } from '../../graphql/errors';
import { useQuery } from '../../graphql/useGraphQL';
import { useI18n } from '../../i18n/I18n';
import { todayInCity } from '../../i18n/time';
import { Failure, FieldMessage } from '../../ui/FieldMessage';
import { TrendChart } from './TrendChart';
import { TrendTable } from './TrendTable';
import { addDays, seriesOf } from './trendSeries';

/** High- and low-risk areas per district over time: a line chart and a table per district (public). */
export function RiskTrend() {
  const { t } = useI18n();
  const today = todayInCity();
  const [from, setFrom] = useState(addDays(today, -29));
  const [to, setTo] = useState(today);
  const [district, setDistrict] = useState('');
  const [districts, setDistricts] = useState<string[]>([]);
  const { loading, answer, failure, reload } = useQuery(RiskTrendDocument, { from, to, district: district || null });
  const rows = answer?.data?.riskTrend;
  const series = useMemo(() => seriesOf(rows ?? [], from, to), [rows, from, to]);
  useEffect(() => {
    // the filter offers every district the city-wide answer named (kept while one is chosen)
    if (!district && rows) setDistricts(series.map((s) => s.district));
  }, [district, rows, series]);
  const refused = answer ? errorAt(answer.errors, ['riskTrend']) : undefined;
  return (
    <section aria-labelledby="trend-heading">
      <h1 id="trend-heading" tabIndex={-1}>{t('trend.heading')}</h1>
      <p>{t('trend.intro')}</p>
      <div className="filters">
        <label className="inline">
          {t('trend.from')}
          <input type="date" value={from} max={to} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        </label>
        <label className="inline">
          {t('trend.to')}
          <input type="date" value={to} min={from} onChange={(e) => e.target.value && setTo(e.target.value)} />
        </label>
        <label className="inline">
          {t('trend.district')}
          <select value={district} onChange={(e) => setDistrict(e.target.value)}>
            <option value="">{t('trend.allDistricts')}</option>
            {districts.map((d) => (
              <option key={d} value={d}>{d}</option>
            ))}
          </select>
        </label>
      </div>
      {loading && <p aria-live="polite">{t('common.loading')}</p>}
      <Failure message={failure} onRetry={reload} />
      {refused?.extensions?.code === 'INVALID_INPUT' ? (
        <p className="field-message" role="alert" data-code="INVALID_INPUT">
          INVALID_INPUT: {t('trend.invalidWindow')}
        </p>
      ) : (
        refused && <FieldMessage error={refused} />
      )}
      {rows && series.length === 0 && <p>{t('trend.none')}</p>}
      <div className="trend-districts" data-testid="risk-trend">
        {series.map((s) => (
          <section key={s.district} aria-labelledby={`trend-${s.district}`} className="trend-district">
            <h2 id={`trend-${s.district}`}>{s.district}</h2>
            <TrendChart series={s} />
            <TrendTable series={s} />
          </section>
        ))}
      </div>
    </section>
  );
}
