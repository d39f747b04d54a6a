import type { GraphQLError } from '../../graphql/client';
import { useI18n } from '../../i18n/I18n';
import { ruleText } from './ruleErrors';

/** A refused roster action in place: the rule's sentence in the console's language, its code and the server's words. */
export function RuleError({ errors }: { errors: GraphQLError[] }) {
  const { t } = useI18n();
  return (
    <>
      {errors.map((e, i) => {
        const r = ruleText(e);
        return (
          <p key={i} className="field-message" role="alert" data-code={r.code}>
            {r.key ? t(r.key) : t('common.failed', { message: r.detail })}
            {r.code && <span className="rule-code"> {r.code}</span>}
            {r.key && r.detail && <span className="rule-detail" lang="en"> {r.detail}</span>}
          </p>
        );
      })}
    </>
  );
}
