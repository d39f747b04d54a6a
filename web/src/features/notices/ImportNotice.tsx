import { useState, type FormEvent } from 'react';
import { ImportNoticeDocument, type ImportNoticeMutation } from '../../gql/graphql';
import type { GraphQLError } from '../../graphql/client';
import { useRun } from '../../graphql/useGraphQL';
import { useAuth } from '../../auth/AuthContext';
import { useI18n } from '../../i18n/I18n';
import { formatDate } from '../../i18n/time';
import { Failure } from '../../ui/FieldMessage';
import { Designations, Warnings } from './Designations';
import { StatusBadge } from './StatusBadge';

/** Paste the printed notice: it is parsed and stored as a draft; its parse and warnings are shown for review. */
export function ImportNotice() {
  const { t, lang } = useI18n();
  const { session } = useAuth();
  const run = useRun();
  const [text, setText] = useState('');
  const [year, setYear] = useState('');
  const [issuer, setIssuer] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportNoticeMutation['importNotice'] | null>(null);
  const [errors, setErrors] = useState<GraphQLError[]>([]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors([]);
    try {
      const answer = await run(ImportNoticeDocument, {
        text,
        year: year ? Number(year) : null,
        issuer: issuer.trim() || null,
      });
      setResult(answer.data?.importNotice ?? null);
      setErrors(answer.errors);
    } catch (err) {
      setErrors([{ message: err instanceof Error ? err.message : String(err) }]);
    } finally {
      setBusy(false);
    }
  };

  const notice = result?.notice;
  return (
    <section aria-labelledby="import-heading">
      <h1 id="import-heading">{t('import.heading')}</h1>
      {!session && <p role="note">{t('import.signInFirst')}</p>}
      <form onSubmit={submit} className="form">
        <label>
          {t('import.text')}
          <textarea name="text" rows={12} value={text} onChange={(e) => setText(e.target.value)} required />
        </label>
        <label>
          {t('import.year')}
          <input name="year" type="number" inputMode="numeric" min={2019} max={2100} value={year}
            onChange={(e) => setYear(e.target.value)} />
        </label>
        <label>
          {t('import.issuer')}
          <input name="issuer" value={issuer} onChange={(e) => setIssuer(e.target.value)} />
        </label>
        <button type="submit" disabled={busy}>
          {t('import.submit')}
        </button>
      </form>
      <Failure errors={errors} />
      {notice && result && (
        <div className="result" data-testid="import-result" role="status">
          <p>{t('import.saved', { message: result.message })}</p>
          <h2>
            {t('notices.open', { number: `${notice.year}-${notice.number}` })} <StatusBadge status={notice.status} />
          </h2>
          <p>
            {notice.issuer} · {t('notices.issued')} {formatDate(notice.issueDate, lang)} · {t('notices.effective')}{' '}
            {formatDate(notice.effectiveDate, lang)}
          </p>
          <p>
            <a href={`#/notices/${notice.id}`}>{t('import.openDraft')}</a>
          </p>
          <Warnings warnings={notice.warnings} />
          <h2>{t('notices.designations')}</h2>
          <Designations designations={notice.designations ?? []} />
        </div>
      )}
    </section>
  );
}
