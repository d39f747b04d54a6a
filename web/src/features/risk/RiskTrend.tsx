import { useI18n } from '../../i18n/I18n';

/** Placeholder of the route (issue 14, second part): replaced by the screen. */
export function RiskTrend() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="trend-heading">
      <h1 id="trend-heading" tabIndex={-1}>{t('trend.heading')}</h1>
    </section>
  );
}
