import { useI18n } from '../../i18n/I18n';

export interface DesignationView {
  id: string;
  ordinal: number;
  text: string;
  level?: { code: string; name: string } | null;
  areas?: ({ id: string; fullName: string } | null)[] | null;
  exceptions?: ({ id: string; fullName: string } | null)[] | null;
}

/** A notice's designations as parsed: level, the text as printed, the areas read from it and its exceptions. */
export function Designations({ designations }: { designations: (DesignationView | null)[] }) {
  const { t } = useI18n();
  const list = designations.filter((d): d is DesignationView => d !== null).sort((a, b) => a.ordinal - b.ordinal);
  return (
    <ol className="designations" data-testid="designations">
      {list.map((d) => (
        <li key={d.id}>
          {d.level && <span className={`level level-${d.level.code}`}>{d.level.name}</span>} {d.text}
          {(d.areas?.length ?? 0) > 0 && (
            <ul>
              {d.areas!.filter(Boolean).map((a) => (
                <li key={a!.id}>{a!.fullName}</li>
              ))}
            </ul>
          )}
          {(d.exceptions?.length ?? 0) > 0 && (
            <p className="exceptions">
              {t('notices.exceptions', { areas: d.exceptions!.filter(Boolean).map((a) => a!.fullName).join('、') })}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

export function Warnings({ warnings }: { warnings: { code: string; message: string }[] }) {
  const { t } = useI18n();
  return (
    <section aria-label={t('notices.warnings')}>
      <h2>{t('notices.warnings')}</h2>
      {warnings.length === 0 ? (
        <p>{t('notices.noWarnings')}</p>
      ) : (
        <ul className="warnings" data-testid="warnings">
          {warnings.map((w, i) => (
            <li key={i}>
              <code>{w.code}</code> {w.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
