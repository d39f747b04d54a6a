import type { NoticeStatus } from '../../gql/graphql';
import { useI18n } from '../../i18n/I18n';

export function StatusBadge({ status }: { status: NoticeStatus }) {
  const { t } = useI18n();
  return <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>;
}
