import type { MyWorkQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/I18n';

type Hours = MyWorkQuery['weekHours'];

/** My hours on duty this week and in the last 30 days. */
export function MyHours({ week, month }: { week: Hours; month: Hours }) {
  const { t, lang } = useI18n();
  const value = (h: Hours) => h
    ? t('me.hoursValue', { hours: new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 1 }).format(h.hours), shifts: h.shifts })
    : '—';
  return (
    <section aria-labelledby="me-hours" data-testid="my-hours">
      <h2 id="me-hours">{t('me.hours')}</h2>
      <dl>
        <dt>{t('me.hoursWeek')}</dt>
        <dd>{value(week)}</dd>
        <dt>{t('me.hoursMonth')}</dt>
        <dd>{value(month)}</dd>
      </dl>
    </section>
  );
}
