import { useI18n } from '../../i18n/I18n';

/** Placeholder of the route (issue 14, second part): replaced by the screen. */
export function MyWork() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="me-heading">
      <h1 id="me-heading" tabIndex={-1}>{t('me.heading')}</h1>
    </section>
  );
}
