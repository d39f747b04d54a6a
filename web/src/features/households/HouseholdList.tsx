import { useState } from 'react';
import type { HouseholdTestStatus } from '../../gql/graphql';
import { useI18n } from '../../i18n/I18n';
import { HouseholdRow, type Record } from './HouseholdRow';
import { filterRows, groupByUnit, placeOptions, type HouseholdRow as Row } from './sheet';

/** The households listed, by building and unit, with the filters: missed only, one building or unit. */
export function HouseholdList({ rows, options, record, total, truncated }: {
  rows: Row[];
  options: HouseholdTestStatus[];
  record: Record;
  total: number;
  truncated: boolean;
}) {
  const { t } = useI18n();
  const [missedOnly, setMissedOnly] = useState(false);
  const [place, setPlace] = useState('');
  const groups = groupByUnit(filterRows(rows, { missedOnly, place }));
  return (
    <section aria-labelledby="list-heading" className="household-list">
      <h2 id="list-heading">{t('households.list')}</h2>
      <div className="filters">
        <label className="check">
          <input type="checkbox" checked={missedOnly} onChange={(e) => setMissedOnly(e.target.checked)} />
          {t('households.missedOnly')}
        </label>
        <label>
          {t('households.place')}
          <select value={place} onChange={(e) => setPlace(e.target.value)}>
            <option value="">{t('households.placeAll')}</option>
            {placeOptions(rows).map((o) => (
              <option key={o.value} value={o.value}>
                {o.unitLabel ? `${o.building} ${o.unitLabel}` : t('households.placeBuilding', { building: o.building })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {truncated && <p className="field-message">{t('households.truncated', { shown: rows.length, total })}</p>}
      {groups.length === 0 && <p>{t('households.noneListed')}</p>}
      {groups.map((g) => (
        <section key={g.key} aria-label={`${g.buildingName} ${g.unitLabel}`} className="unit-group">
          <h3>{g.buildingName} {g.unitLabel}</h3>
          <ul className="households-of-unit">
            {g.rows.map((row) => (
              <HouseholdRow key={row.id} row={row} options={options} record={record} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
