import { useI18n } from '../../i18n/I18n';

/** Placeholder of the route (issue 14, second part): replaced by the screen. */
export function AuditTrail() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="audit-heading">
      <h1 id="audit-heading" tabIndex={-1}>{t('audit.heading')}</h1>
    </section>
  );
}
