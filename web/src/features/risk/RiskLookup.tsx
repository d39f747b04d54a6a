import { useState, type FormEvent } from 'react';
import { RiskLookupDocument, type RiskLookupQueryVariables } from '../../gql/graphql';
import { errorAt } from '../../graphql/errors';
import { useQuery } from '../../graphql/useGraphQL';
import { useI18n } from '../../i18n/I18n';
import { formatDate, todayInCity } from '../../i18n/time';
import { Failure, FieldMessage } from '../../ui/FieldMessage';

/** Public: is this address in a risk area on this date, since when, and which notice decided it. */
export function RiskLookup() {
  const { t, lang } = useI18n();
  const [address, setAddress] = useState('');
  const [asOf, setAsOf] = useState(todayInCity());
  const [vars, setVars] = useState<RiskLookupQueryVariables | null>(null);
  const { loading, answer, failure, reload } = useQuery(RiskLookupDocument, vars);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (address.trim()) setVars({ address: address.trim(), asOf });
  };
  const risk = answer?.data?.riskLevel;
  const refused = answer ? errorAt(answer.errors, ['riskLevel']) : undefined;
  return (
    <section aria-labelledby="risk-heading">
      <h1 id="risk-heading">{t('risk.heading')}</h1>
      <form onSubmit={submit} className="form">
        <label>
          {t('risk.address')}
          <input name="address" value={address} onChange={(e) => setAddress(e.target.value)} required />
        </label>
        <label>
          {t('common.asOf')}
          <input name="asOf" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} required />
        </label>
        <button type="submit">{t('risk.lookUp')}</button>
      </form>
      {loading && <p aria-live="polite">{t('common.loading')}</p>}
      <Failure message={failure} onRetry={reload} />
      {refused && <FieldMessage error={refused} />}
      {risk && (
        <div className="result" data-testid="risk-result" aria-live="polite">
          {!risk.designated ? (
            <p>{t('risk.notDesignated')}</p>
          ) : (
            <dl>
              <dt>{t('risk.level')}</dt>
              <dd>
                <span className={`level level-${risk.level?.code ?? 'NONE'}`}>{risk.level?.name}</span>
              </dd>
              <dt>{t('risk.area')}</dt>
              <dd>{risk.area?.fullName}</dd>
              {risk.since && (
                <>
                  <dt>{t('risk.since')}</dt>
                  <dd>{formatDate(risk.since, lang)}</dd>
                </>
              )}
              {risk.notice && (
                <>
                  <dt>{t('risk.decidingNotice')}</dt>
                  <dd>
                    <a href={`#/notices/${risk.notice.id}`}>
                      {t('risk.noticeNumber', { number: risk.notice.number, date: formatDate(risk.notice.issueDate, lang) })}
                    </a>{' '}
                    {risk.notice.issuer}
                  </dd>
                </>
              )}
              {risk.designation && (
                <>
                  <dt>{t('risk.designation')}</dt>
                  <dd>{risk.designation.text}</dd>
                </>
              )}
            </dl>
          )}
        </div>
      )}
    </section>
  );
}
