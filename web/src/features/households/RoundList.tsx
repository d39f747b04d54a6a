import { useState } from 'react';
import { useAuth } from '../../auth/AuthContext';
import { useI18n } from '../../i18n/I18n';
import { formatDate, todayInCity } from '../../i18n/time';
import { Failure, FieldMessage } from '../../ui/FieldMessage';
import { useMyUnits } from '../units/useMyUnits';
import { ProgressBars } from './ProgressBars';
import { roundsByUnit, roundWindow } from './rounds';
import { useRoundsOfUnits } from './useRoundsOfUnits';
import type { MessageKey } from '../../i18n/messages';

const DAYS = 3;

/** My units and the testing rounds of each around today, each with its progress, linking to the round. */
export function RoundList() {
  const { t, lang } = useI18n();
  const { session } = useAuth();
  const today = todayInCity();
  const [days, setDays] = useState(DAYS);
  const mine = useMyUnits();
  const window = mine.answer ? roundWindow(today, days) : null;
  const { loading, lists } = useRoundsOfUnits(mine.units, window);
  const grouped = roundsByUnit(lists, today);
  const listed = grouped.filter((g) => g.rounds.length > 0 || lists.find((l) => l.unit === g.unit)?.error);
  const unitsRefused = mine.answer?.errors[0];
  return (
    <section aria-labelledby="households-heading" className="households">
      <h1 id="households-heading" tabIndex={-1}>{t('households.heading')}</h1>
      <p>{t('households.intro')}</p>
      {!session && <p>{t('households.signIn')}</p>}
      <Failure message={mine.failure} onRetry={mine.reload} />
      {unitsRefused && <FieldMessage error={unitsRefused} />}
      {mine.answer && mine.units.length === 0 && !unitsRefused && <p>{t('households.noUnits')}</p>}
      {window && <p>{t('households.window', { from: formatDate(window.from, lang), to: formatDate(window.to, lang) })}</p>}
      {(mine.loading || (loading && mine.units.length > 0)) && <p aria-live="polite">{t('common.loading')}</p>}
      {!loading && mine.units.length > 0 && listed.length === 0 && <p>{t('households.noRounds')}</p>}
      {listed.map(({ unit, rounds }) => {
        const error = lists.find((l) => l.unit === unit)?.error;
        return (
          <section key={unit.id} aria-labelledby={`unit-${unit.id}`} className="unit-rounds">
            <h2 id={`unit-${unit.id}`}>{unit.name}</h2>
            {error && <FieldMessage error={error} />}
            <ul className="cards" data-testid="rounds">
              {rounds.map((r) => (
                <li key={r.id}>
                  <a href={`#/households/${encodeURIComponent(r.id)}`} className="round-link">
                    {t('households.roundTitle', { unit: r.unit.name, round: r.round, rounds: r.rounds })}
                  </a>
                  <span>
                    {formatDate(r.date, lang)} · {t(`households.roundStatus.${r.status}` as MessageKey)}
                  </span>
                  <ProgressBars counts={r.progress} label={r.unit.name} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {session && (
        <button type="button" className="secondary" onClick={() => setDays((d) => d + 7)}>
          {t('households.widen')}
        </button>
      )}
    </section>
  );
}
