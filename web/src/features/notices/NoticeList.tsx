import { useState } from 'react';
import { NoticeListDocument } from '../../gql/graphql';
import { errorAt } from '../../graphql/errors';
import { useQuery } from '../../graphql/useGraphQL';
import { useI18n } from '../../i18n/I18n';
import { formatDate } from '../../i18n/time';
import { Failure, FieldMessage } from '../../ui/FieldMessage';
import { NextPage } from '../../ui/NextPage';
import { StatusBadge } from './StatusBadge';

/** Newest first; notice staff also see drafts (the gateway decides). */
export function NoticeList() {
  const { t, lang } = useI18n();
  const [after, setAfter] = useState<string | null>(null);
  const { loading, answer, failure, reload } = useQuery(NoticeListDocument, { after });
  const page = answer?.data?.notices;
  const refused = answer ? errorAt(answer.errors, ['notices']) : undefined;
  return (
    <section aria-labelledby="notices-heading">
      <h1 id="notices-heading">{t('notices.heading')}</h1>
      {loading && <p aria-live="polite">{t('common.loading')}</p>}
      <Failure message={failure} onRetry={reload} />
      {refused && <FieldMessage error={refused} />}
      <ul className="cards" data-testid="notice-list">
        {page?.edges.map(({ node }) => (
          <li key={node.id}>
            <a href={`#/notices/${node.id}`}>
              {t('notices.open', { number: `${node.year}-${node.number}` })}
            </a>{' '}
            <StatusBadge status={node.status} />
            {node.title && <span className="title">{node.title}</span>}
            <span>
              {node.issuer} · {t('notices.issued')} {formatDate(node.issueDate, lang)}
            </span>
          </li>
        ))}
      </ul>
      <NextPage pageInfo={page?.pageInfo} onNext={setAfter} />
    </section>
  );
}
