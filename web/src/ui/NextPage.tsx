import { useI18n } from '../i18n/I18n';

/** "More" under a paged list: asks for the page after the last cursor; nothing when there is none. */
export function NextPage({ pageInfo, onNext }: {
  pageInfo?: { hasNextPage: boolean; endCursor?: string | null } | null;
  onNext(cursor: string | null): void;
}) {
  const { t } = useI18n();
  if (!pageInfo?.hasNextPage) return null;
  return (
    <button type="button" onClick={() => onNext(pageInfo.endCursor ?? null)}>
      {t('common.more')}
    </button>
  );
}
