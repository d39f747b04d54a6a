import { useI18n } from '../../i18n/I18n';
import { formatDate } from '../../i18n/time';
import { linear, niceMax, pointsOf, type DistrictSeries } from './trendSeries';

const W = 320;
const H = 160;
const PAD = { left: 28, right: 8, top: 8, bottom: 22 };

/**
 * One district's high- and low-risk counts as a line chart in plain SVG. The same figures are in its table
 * (TrendTable): the chart is a picture with a title for screen readers, the table is what they read.
 */
export function TrendChart({ series }: { series: DistrictSeries }) {
  const { t, lang } = useI18n();
  const { days, high, low, district } = series;
  const top = niceMax([...high, ...low]);
  const x = linear(0, days.length - 1, PAD.left, W - PAD.right);
  const y = linear(0, top, H - PAD.bottom, PAD.top);
  const first = days[0];
  const last = days[days.length - 1];
  const title = t('trend.chartTitle', { district, from: formatDate(first, lang), to: formatDate(last, lang) });
  const id = `trend-chart-${district}`;
  return (
    <figure className="trend-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={id} width="100%" preserveAspectRatio="xMidYMid meet">
        <title id={id}>{title}</title>
        <line x1={PAD.left} y1={y(0)} x2={W - PAD.right} y2={y(0)} stroke="#555" />
        <line x1={PAD.left} y1={y(top)} x2={PAD.left} y2={y(0)} stroke="#555" />
        <line x1={PAD.left} y1={y(top)} x2={W - PAD.right} y2={y(top)} stroke="#ccc" strokeDasharray="2 3" />
        <text x={PAD.left - 4} y={y(0)} textAnchor="end" dominantBaseline="middle" fontSize="10">0</text>
        <text x={PAD.left - 4} y={y(top)} textAnchor="end" dominantBaseline="middle" fontSize="10">{top}</text>
        <text x={PAD.left} y={H - 6} fontSize="10">{first.slice(5)}</text>
        <text x={W - PAD.right} y={H - 6} textAnchor="end" fontSize="10">{last.slice(5)}</text>
        <polyline points={pointsOf(high, x, y)} fill="none" stroke="#b00020" strokeWidth="2" data-level="HIGH" />
        <polyline points={pointsOf(low, x, y)} fill="none" stroke="#1d6b2f" strokeWidth="2" strokeDasharray="5 3"
          data-level="LOW" />
      </svg>
      <figcaption className="legend">
        <span className="legend-high">{t('trend.high')}</span> <span className="legend-low">{t('trend.low')}</span>
      </figcaption>
    </figure>
  );
}
