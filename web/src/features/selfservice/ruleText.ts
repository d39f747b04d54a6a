import type { GraphQLError } from '../../graphql/client';
import type { Translate } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';

/** The roster rules a volunteer's own actions may meet, each with a sentence of its own in both languages. */
export const RULE_CODES = [
  'SHIFT_FULL', 'OVERLAPPING_SHIFT', 'MAX_HOURS_EXCEEDED', 'MIN_REST_VIOLATED', 'NOT_QUALIFIED', 'SHIFT_CANCELLED',
  'SHIFT_ENDED', 'ALREADY_ON_SHIFT', 'VOLUNTEER_INACTIVE', 'SWAP_NOT_OPEN', 'SWAP_STALE', 'NOT_YOUR_SWAP', 'FORBIDDEN',
  'UNAUTHENTICATED',
] as const;

type RuleCode = (typeof RULE_CODES)[number];

function isRule(code: string | undefined): code is RuleCode {
  return (RULE_CODES as readonly string[]).includes(code ?? '');
}

/**
 * What a refused action says where it was tried: the rule's own sentence with its code; for a code without one, the
 * server's message (which names the rule and the figures).
 */
export function ruleText(error: GraphQLError, t: Translate): string {
  const code = error.extensions?.code;
  if (isRule(code)) return t('me.rule.withCode', { text: t(`me.rule.${code}` as MessageKey), code });
  return t('me.rule.other', { message: code ? `${code}: ${error.message}` : error.message });
}
