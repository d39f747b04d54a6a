import type { GraphQLError } from '../graphql/client';
import { useI18n } from '../i18n/I18n';

/**
 * Shown in place of a field the gateway refused or could not answer: the rest of the page stays as it is.
 * FORBIDDEN and UNAUTHENTICATED get a sentence of their own; anything else shows the server's message.
 */
export function FieldMessage({ error }: { error: GraphQLError }) {
  const { t } = useI18n();
  const code = error.extensions?.code;
  const text =
    code === 'FORBIDDEN'
      ? t('refused.FORBIDDEN')
      : code === 'UNAUTHENTICATED'
        ? t('refused.UNAUTHENTICATED')
        : t('refused.other', { message: error.message });
  return (
    <p className="field-message" role="note" data-code={code ?? ''}>
      {text}
    </p>
  );
}

/** A failed request (network, HTTP) or errors of a whole operation, with the code when there is one. */
export function Failure({ message, errors = [], onRetry }: { message?: string | null; errors?: GraphQLError[]; onRetry?(): void }) {
  const { t } = useI18n();
  const lines = message ? [message] : errors.map((e) => (e.extensions?.code ? `${e.extensions.code}: ${e.message}` : e.message));
  if (lines.length === 0) return null;
  return (
    <div className="failure" role="alert">
      {lines.map((l, i) => (
        <p key={i}>{t('common.failed', { message: l })}</p>
      ))}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
