import { useState } from 'react';
import { NoticeDetailDocument, PublishNoticeDocument } from '../../gql/graphql';
import type { GraphQLError } from '../../graphql/client';
import { errorAt } from '../../graphql/errors';
import { useQuery, useRun } from '../../graphql/useGraphQL';
import { useAuth } from '../../auth/AuthContext';
import { useI18n } from '../../i18n/I18n';
import { formatDate } from '../../i18n/time';
import { Failure, FieldMessage } from '../../ui/FieldMessage';
import { Designations, Warnings } from './Designations';
import { mayOfferPublish } from './fourEyes';
import { StatusBadge } from './StatusBadge';

/** A notice with its designations and exceptions, its parse warnings, and the four eyes of its publication. */
export function NoticeDetail({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { session } = useAuth();
  const run = useRun();
  const { loading, answer, failure, reload } = useQuery(NoticeDetailDocument, { id });
  const [publishErrors, setPublishErrors] = useState<GraphQLError[]>([]);
  const [published, setPublished] = useState(false);
  const notice = answer?.data?.notice;
  // who drafted and published: notice staff and system administrators; anyone else sees the refusal in place
  const namesRefused = answer
    ? errorAt(answer.errors, ['notice', 'draftedBy']) ?? errorAt(answer.errors, ['notice', 'publishedBy'])
    : undefined;
  const drafter = notice?.draftedBy ?? undefined;
  const publisher = notice?.publishedBy ?? undefined;

  const publish = async () => {
    setPublishErrors([]);
    try {
      const result = await run(PublishNoticeDocument, { id });
      if (result.errors.length > 0 || !result.data?.publishNotice) {
        setPublishErrors(result.errors);
      } else {
        setPublished(true);
        reload();
      }
    } catch (e) {
      setPublishErrors([{ message: e instanceof Error ? e.message : String(e) }]);
    }
  };

  return (
    <section aria-labelledby="notice-heading">
      <p>
        <a href="#/notices">{t('notices.back')}</a>
      </p>
      {loading && !answer && <p aria-live="polite">{t('common.loading')}</p>}
      <Failure message={failure} onRetry={reload} />
      {answer && !notice && errorAt(answer.errors, ['notice']) && <FieldMessage error={errorAt(answer.errors, ['notice'])!} />}
      {notice && (
        <>
          <h1 id="notice-heading">
            {t('notices.open', { number: `${notice.year}-${notice.number}` })} <StatusBadge status={notice.status} />
          </h1>
          {notice.title && <p className="title">{notice.title}</p>}
          <dl>
            <dt>{t('notices.issuer')}</dt>
            <dd>{notice.issuer}</dd>
            <dt>{t('notices.issued')}</dt>
            <dd>{formatDate(notice.issueDate, lang)}</dd>
            <dt>{t('notices.effective')}</dt>
            <dd>{formatDate(notice.effectiveDate, lang)}</dd>
          </dl>
          <section aria-labelledby="four-eyes-heading" className="four-eyes" data-testid="four-eyes">
            <h2 id="four-eyes-heading">{t('fourEyes.heading')}</h2>
            {namesRefused ? (
              <FieldMessage error={namesRefused} />
            ) : (
              <>
                {drafter && <p>{t('fourEyes.draftedBy', { name: drafter })}</p>}
                {publisher && <p>{t('fourEyes.publishedBy', { name: publisher })}</p>}
              </>
            )}
            {notice.status === 'DRAFT' && <p>{t('fourEyes.whoMayPublish')}</p>}
            {notice.status === 'DRAFT' && drafter !== undefined && drafter === session?.username && (
              <p>{t('fourEyes.ownDraft')}</p>
            )}
            {mayOfferPublish(notice.status, session?.roles ?? [], session?.username, drafter) && (
              <button type="button" onClick={publish}>
                {t('fourEyes.publish')}
              </button>
            )}
            {published && <p role="status">{t('fourEyes.published')}</p>}
            {publishErrors.map((e, i) => (
              <p key={i} className="field-message" role="alert" data-code={e.extensions?.code ?? ''}>
                {e.extensions?.code ? `${e.extensions.code}: ` : ''}
                {e.message}
              </p>
            ))}
          </section>
          <Warnings warnings={notice.warnings} />
          <h2>{t('notices.designations')}</h2>
          {errorAt(answer!.errors, ['notice', 'designations']) ? (
            <FieldMessage error={errorAt(answer!.errors, ['notice', 'designations'])!} />
          ) : (
            <Designations designations={notice.designations ?? []} />
          )}
        </>
      )}
    </section>
  );
}
