import { useI18n } from '../../i18n/I18n';

/** Says that a list shows only its first page (the dashboard is a glance; the screens behind it page). */
export function MoreNote({ more, count }: { more: boolean; count: number }) {
  const { t } = useI18n();
  return more ? <p className="dash-meta">{t('dashboard.more', { count })}</p> : null;
}
