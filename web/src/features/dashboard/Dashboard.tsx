import { useI18n } from '../../i18n/I18n';

/** Placeholder of the route (issue 14, second part): replaced by the screen. */
export function Dashboard() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="dashboard-heading">
      <h1 id="dashboard-heading" tabIndex={-1}>{t('dashboard.heading')}</h1>
    </section>
  );
}
