import { useI18n } from '../../i18n/I18n';

/** Placeholder of the route (issue 14, second part): replaced by the screen. */
export function Households(_props: { roundId?: string }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="households-heading">
      <h1 id="households-heading" tabIndex={-1}>{t('households.heading')}</h1>
    </section>
  );
}
