import { useState } from 'react';
import { useI18n } from '../../i18n/I18n';

/** The community shown, among those the person may open (no choice when there is one). */
export function CommunityPicker({ communities, value, onChange }: {
  communities: { id: string; name: string }[];
  value: string;
  onChange(id: string): void;
}) {
  const { t } = useI18n();
  if (communities.length < 2) return null;
  return (
    <p>
      <label className="inline" htmlFor="dash-community">{t('dashboard.community')}</label>{' '}
      <select id="dash-community" value={value} onChange={(e) => onChange(e.target.value)}>
        {communities.map((c) => (
          <option key={c.id} value={c.id}>{c.name}</option>
        ))}
      </select>
    </p>
  );
}

/** For an account linked to no unit (a system administrator): the id of a community, street or district to open. */
export function UnitIdForm({ onOpen }: { onOpen(id: string): void }) {
  const { t } = useI18n();
  const [id, setId] = useState('');
  return (
    <form className="form" onSubmit={(e) => { e.preventDefault(); if (id.trim()) onOpen(id.trim()); }}>
      <p>{t('dashboard.noCommunity')}</p>
      <label>
        {t('dashboard.unitId')}
        <input value={id} onChange={(e) => setId(e.target.value)} />
      </label>
      <p>
        <button type="submit">{t('dashboard.open')}</button>
      </p>
    </form>
  );
}
