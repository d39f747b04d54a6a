import { useState, type FormEvent } from 'react';
import { useAuth } from '../../auth/AuthContext';
import { useI18n } from '../../i18n/I18n';
import { auditVariables, NO_FILTER, type AuditFilterForm } from './auditFilter';
import { TrailList } from './TrailList';
import type { TrailKind } from './useTrail';

/**
 * The audit trail for those who may read it: the roster's (community admins, district officers, system admins; the
 * service scopes it) and, for system admins, the notices' (a second tab). Anyone else gets the refusal in place.
 */
export function AuditTrail() {
  const { t } = useI18n();
  const { session } = useAuth();
  const kinds: TrailKind[] = session?.roles.includes('system-admin') ? ['roster', 'notice'] : ['roster'];
  const [kind, setKind] = useState<TrailKind>('roster');
  const [form, setForm] = useState<AuditFilterForm>(NO_FILTER);
  const [applied, setApplied] = useState<AuditFilterForm>(NO_FILTER);
  const vars = auditVariables(applied);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied(form);
  };
  const field = (name: keyof AuditFilterForm, label: string, type = 'text') => (
    <label className="inline">
      {label}
      <input type={type} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} />
    </label>
  );
  return (
    <section aria-labelledby="audit-heading">
      <h1 id="audit-heading" tabIndex={-1}>{t('audit.heading')}</h1>
      {kinds.length > 1 && (
        <div role="tablist" aria-label={t('audit.tabs')} className="tabs">
          {kinds.map((k) => (
            <button key={k} type="button" role="tab" id={`audit-tab-${k}`} aria-selected={kind === k}
              aria-controls="audit-panel" onClick={() => setKind(k)}>
              {t(k === 'roster' ? 'audit.tab.roster' : 'audit.tab.notice')}
            </button>
          ))}
        </div>
      )}
      <div id="audit-panel" role={kinds.length > 1 ? 'tabpanel' : undefined}
        aria-labelledby={kinds.length > 1 ? `audit-tab-${kind}` : undefined}>
        <form className="filters" onSubmit={submit} aria-label={t('audit.filters')}>
          {field('actor', t('audit.actor'))}
          {field('targetType', t('audit.targetType'))}
          {field('from', t('audit.from'), 'date')}
          {field('to', t('audit.to'), 'date')}
          <button type="submit">{t('audit.apply')}</button>
          <button type="button" onClick={() => { setForm(NO_FILTER); setApplied(NO_FILTER); }}>{t('audit.clear')}</button>
        </form>
        <TrailList key={`${kind}|${JSON.stringify(vars)}`} kind={kind} vars={vars} />
      </div>
    </section>
  );
}
