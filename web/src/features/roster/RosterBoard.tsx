import { useI18n } from '../../i18n/I18n';

/** Placeholder of the route (issue 14, second part): replaced by the screen. */
export function RosterBoard(_props: { postId?: string }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="roster-heading">
      <h1 id="roster-heading" tabIndex={-1}>{t('roster.heading')}</h1>
    </section>
  );
}
