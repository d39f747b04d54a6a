import type { GraphQLError } from '../../graphql/client';
import type { Translate } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';

const KNOWN = ['FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT', 'ROUND_CLOSED', 'INVALID_INPUT', 'NOT_FOUND', 'HOUSEHOLDS_MISSING'];

/** A refused write's rule in the reader's language, with its code's figures (HOUSEHOLDS_MISSING: how many). */
export function errorText(t: Translate, error: GraphQLError): string {
  const code = error.extensions?.code ?? '';
  if (KNOWN.includes(code)) {
    return t(`households.error.${code}` as MessageKey, {
      message: error.message,
      missing: String(error.extensions?.missing ?? '?'),
    });
  }
  return t('households.error.other', { code: code || '—', message: error.message });
}
