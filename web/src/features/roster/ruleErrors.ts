import type { GraphQLError } from '../../graphql/client';
import type { MessageKey } from '../../i18n/messages';

/** The roster's refusals the console words itself (volunteer-service's codes); any other shows the server's text. */
export const RULE_CODES = [
  'SHIFT_FULL', 'MAX_HOURS_EXCEEDED', 'MIN_REST_VIOLATED', 'OVERLAPPING_SHIFT', 'NOT_QUALIFIED', 'ALREADY_ON_SHIFT',
  'SHIFT_CANCELLED', 'SHIFT_ENDED', 'SHIFT_NOT_OPEN', 'POST_CLOSED', 'VOLUNTEER_INACTIVE', 'ASSIGNMENT_NOT_ACTIVE',
  'SWAP_PENDING', 'SWAP_NOT_POSSIBLE', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT', 'NOT_FOUND', 'INVALID_INPUT',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export interface RuleText {
  code: string;
  /** The sentence of this code, in the console's languages */
  key: MessageKey | null;
  /** The server's own words (details such as hours), shown beside it */
  detail: string;
}

/** What to say for a refused action: the code's sentence when the console knows the code, else the server's text. */
export function ruleText(error: GraphQLError): RuleText {
  const code = error.extensions?.code ?? '';
  const known = (RULE_CODES as readonly string[]).includes(code);
  return { code, key: known ? (`roster.error.${code}` as MessageKey) : null, detail: error.message };
}
