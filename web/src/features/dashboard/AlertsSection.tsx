import { useState } from 'react';
import { AcknowledgeAlertDocument, type DashboardQuery } from '../../gql/graphql';
import type { GraphQLError } from '../../graphql/client';
import { useRun } from '../../graphql/useGraphQL';
import { useI18n } from '../../i18n/I18n';
import { formatDateTime } from '../../i18n/time';
import { FieldMessage } from '../../ui/FieldMessage';
import { MoreNote } from './MoreNote';
import { Section } from './Section';

/** The alerts addressed to me not yet acknowledged; one acknowledged leaves the list at once (and on the next poll). */
export function AlertsSection({ alerts, error, onChange }: {
  alerts: DashboardQuery['alerts'] | null;
  error?: GraphQLError;
  onChange(): void;
}) {
  const { t, lang } = useI18n();
  const run = useRun();
  const [gone, setGone] = useState<Set<string>>(new Set());
  const [refusals, setRefusals] = useState<Record<string, GraphQLError>>({});
  const [done, setDone] = useState(false);
  const list = (alerts?.edges ?? []).map((e) => e.node).filter((a) => !gone.has(a.id));

  const acknowledge = async (id: string) => {
    setDone(false);
    try {
      const result = await run(AcknowledgeAlertDocument, { id });
      if (result.errors.length > 0 || !result.data?.acknowledgeAlert) {
        setRefusals((r) => ({ ...r, [id]: result.errors[0] ?? { message: 'no answer' } }));
        return;
      }
      setGone((g) => new Set(g).add(id));
      setDone(true);
      onChange();
    } catch (e) {
      setRefusals((r) => ({ ...r, [id]: { message: e instanceof Error ? e.message : String(e) } }));
    }
  };

  return (
    <Section id="dash-alerts" title={t('dashboard.alerts')} error={error}>
      <p role="status" className={done ? undefined : 'visually-hidden'}>{done ? t('dashboard.acknowledged') : ''}</p>
      {list.length === 0 ? (
        <p>{t('dashboard.empty')}</p>
      ) : (
        <ul className="cards">
          {list.map((a) => (
            <li key={a.id} data-testid="alert">
              <span>{a.message}</span>
              <span className="dash-meta">
                {formatDateTime(a.createdAt, lang)}
                {a.community && ` · ${a.community.name}`}
                {a.areaName && ` · ${a.areaName}`}
                {a.escalatedAt && ` · ${t('dashboard.escalated')}`}
              </span>
              <span>
                <button type="button" onClick={() => acknowledge(a.id)} aria-label={t('dashboard.acknowledgeLabel', { message: a.message })}>
                  {t('dashboard.acknowledge')}
                </button>
              </span>
              {refusals[a.id] && <FieldMessage error={refusals[a.id]} />}
            </li>
          ))}
        </ul>
      )}
      <MoreNote more={alerts?.pageInfo.hasNextPage ?? false} count={20} />
    </Section>
  );
}
