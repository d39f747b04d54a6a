import { useId, useState } from 'react';
import { useI18n } from '../../i18n/I18n';

export interface Choice {
  id: string;
  name: string;
}

/** A searchable select: typing narrows the list (one match is chosen for you), the select chooses. */
export function VolunteerPicker({ choices, value, onChange, label }: {
  choices: Choice[];
  value: string;
  onChange(id: string): void;
  label?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [filter, setFilter] = useState('');
  const shown = choices.filter((c) => c.name.includes(filter.trim()));
  return (
    <div className="picker">
      <label htmlFor={`${id}-search`}>{t('roster.search')}</label>
      <input id={`${id}-search`} type="search" value={filter} autoComplete="off"
        onChange={(e) => {
          const next = e.target.value;
          setFilter(next);
          const matches = choices.filter((c) => c.name.includes(next.trim()));
          if (matches.length === 1) onChange(matches[0].id);
          else if (!matches.some((c) => c.id === value)) onChange('');
        }} />
      <label htmlFor={`${id}-select`}>{label ?? t('roster.volunteer')}</label>
      <select id={`${id}-select`} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('roster.choose', { n: shown.length })}</option>
        {shown.map((c) => (
          <option key={c.id} value={c.id}>{c.name}</option>
        ))}
      </select>
    </div>
  );
}
