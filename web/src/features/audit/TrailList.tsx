import { useState } from 'react';
import type { GraphQLError } from '../../graphql/client';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';
import { Failure, FieldMessage } from '../../ui/FieldMessage';
import { NextPage } from '../../ui/NextPage';
import { AuditEventCard, type AuditEventView } from './AuditEventCard';
import type { auditVariables } from './auditFilter';
import { useTrail, type TrailKind } from './useTrail';

/** The trail's own rules, in the reader's language with their code; refusals by FieldMessage. */
const RULES: Record<string, MessageKey> = { INVALID_DATE_RANGE: 'audit.badRange', INVALID_CURSOR: 'audit.badCursor' };

function TrailError({ error }: { error: GraphQLError }) {
  const { t } = useI18n();
  const code = error.extensions?.code;
  if (code && RULES[code]) {
    return (
      <p className="field-message" role="alert" data-code={code}>
        {code}: {t(RULES[code])}
      </p>
    );
  }
  return <FieldMessage error={error} />;
}

/** A trail under its filter, newest first, page after page ("more" appends the next page). */
export function TrailList({ kind, vars }: { kind: TrailKind; vars: ReturnType<typeof auditVariables> }) {
  const { t } = useI18n();
  const [earlier, setEarlier] = useState<AuditEventView[]>([]);
  const [after, setAfter] = useState<string | null>(null);
  const page = useTrail(kind, vars, after);
  const events = [...earlier, ...page.events];
  return (
    <>
      {page.loading && <p aria-live="polite">{t('common.loading')}</p>}
      <Failure message={page.failure} onRetry={page.reload} />
      {page.refused && <TrailError error={page.refused} />}
      {!page.loading && !page.refused && !page.failure && events.length === 0 && <p>{t('audit.none')}</p>}
      {events.length > 0 && (
        <ol className="cards" aria-label={t('audit.events')}>
          {events.map((e, i) => (
            <AuditEventCard key={i} event={e} />
          ))}
        </ol>
      )}
      {!page.loading && (
        <NextPage pageInfo={page.pageInfo} onNext={(cursor) => {
          setEarlier(events);
          setAfter(cursor);
        }} />
      )}
    </>
  );
}
