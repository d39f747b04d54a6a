import { useI18n } from '../../i18n/I18n';
import { formatDateTime } from '../../i18n/time';
import { detailsOf } from './auditFilter';

export interface AuditEventView {
  at: string;
  actor?: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  details: string;
}

/** One event: when (in the city's zone), who, what, to which object, and its details. */
export function AuditEventCard({ event }: { event: AuditEventView }) {
  const { t, lang } = useI18n();
  const details = detailsOf(event.details);
  return (
    <li data-testid="audit-event">
      <dl>
        <dt>{t('audit.at')}</dt>
        <dd><time dateTime={event.at}>{formatDateTime(event.at, lang)}</time></dd>
        <dt>{t('audit.who')}</dt>
        <dd>{event.actor ?? t('audit.system')}</dd>
        <dt>{t('audit.action')}</dt>
        <dd><code>{event.action}</code></dd>
        <dt>{t('audit.target')}</dt>
        <dd>{event.targetType}{event.targetId ? ` ${event.targetId}` : ''}</dd>
        {details.length > 0 && (
          <>
            <dt>{t('audit.details')}</dt>
            <dd className="audit-details">
              {details.map(([k, v], i) => (
                <span key={i}>{k ? `${k}: ` : ''}{v}{i < details.length - 1 ? '; ' : ''}</span>
              ))}
            </dd>
          </>
        )}
      </dl>
    </li>
  );
}
