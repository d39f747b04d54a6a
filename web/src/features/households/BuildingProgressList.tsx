import { useI18n } from '../../i18n/I18n';
import { ProgressBars } from './ProgressBars';
import type { ProgressLines } from './sheet';

/** The round's progress per building and unit, in register order. */
export function BuildingProgressList({ lines }: { lines: ProgressLines }) {
  const { t } = useI18n();
  return (
    <details className="by-building" open={lines.length <= 6}>
      <summary>{t('households.byBuilding')}</summary>
      <ul className="cards" data-testid="by-building">
        {lines.map((line) => {
          const name = `${line.building.name} ${line.unitLabel || t('households.noUnit')}`;
          return (
            <li key={`${line.building.id}/${line.unitLabel}`}>
              <span className="line-name">{name}</span>
              <ProgressBars counts={line} label={name} />
            </li>
          );
        })}
      </ul>
    </details>
  );
}
