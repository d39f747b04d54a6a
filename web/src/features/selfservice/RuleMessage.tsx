import type { GraphQLError } from '../../graphql/client';
import { useI18n } from '../../i18n/I18n';
import { ruleText } from './ruleText';

/** A refused action, at the object it was tried on: the rule's sentence and its code. */
export function RuleMessage({ error }: { error?: GraphQLError }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p className="field-message" role="alert" data-code={error.extensions?.code ?? ''}>
      {ruleText(error, t)}
    </p>
  );
}
