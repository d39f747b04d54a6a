import { useI18n } from '../../i18n/I18n';
import { formatDate } from '../../i18n/time';
import type { DistrictSeries } from './trendSeries';

/** The figures of one district's chart as a table, newest day first (what a screen reader reads). */
export function TrendTable({ series }: { series: DistrictSeries }) {
  const { t, lang } = useI18n();
  const rows = series.days.map((day, i) => ({ day, high: series.high[i], low: series.low[i] })).reverse();
  return (
    <details className="trend-table">
      <summary>{t('trend.table', { district: series.district })}</summary>
      <table>
        <caption>{t('trend.tableCaption', { district: series.district })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trend.date')}</th>
            <th scope="col">{t('trend.high')}</th>
            <th scope="col">{t('trend.low')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.day}>
              <th scope="row">{formatDate(r.day, lang)}</th>
              <td>{r.high}</td>
              <td>{r.low}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
