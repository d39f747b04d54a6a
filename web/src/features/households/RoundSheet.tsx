import { useState } from 'react';
import { useAuth } from '../../auth/AuthContext';
import { errorAt } from '../../graphql/errors';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';
import { formatDate } from '../../i18n/time';
import { Failure, FieldMessage } from '../../ui/FieldMessage';
import { useMyUnits } from '../units/useMyUnits';
import { BuildingProgressList } from './BuildingProgressList';
import { HouseholdList } from './HouseholdList';
import { ProgressBars } from './ProgressBars';
import { listScopes, mayManageRounds, statusOptions } from './roles';
import { StaffActions } from './StaffActions';
import { useRoundSheet } from './useRoundSheet';

/** One testing round: what it is, how far, and its households to record in two taps each. */
export function RoundSheet({ roundId }: { roundId: string }) {
  const { t, lang } = useI18n();
  const { session } = useAuth();
  const roles = session?.roles ?? [];
  const mine = useMyUnits();
  const scopes = listScopes(roles, mine.units);
  const [scopeIndex, setScopeIndex] = useState(0);
  const scope = scopes[Math.min(scopeIndex, scopes.length - 1)];
  const ready = Boolean(session) && (mine.answer !== null || mine.failure !== null);
  const { answer, failure, loading, reload, round, lists, rows, record } = useRoundSheet(roundId, scope.id, ready);
  const errors = answer?.errors ?? [];
  const roundRefused = errorAt(errors, ['round']);
  const listRefused = lists ? undefined : errorAt(errors, ['households']);
  const options = round?.status === 'SCHEDULED' ? statusOptions(roles) : [];
  const title = round
    ? t('households.roundTitle', { unit: round.unit.name, round: round.round, rounds: round.rounds })
    : t('households.heading');
  return (
    <section aria-labelledby="round-heading" className="households">
      <p>
        <a href="#/households">{t('households.back')}</a>
      </p>
      <h1 id="round-heading" tabIndex={-1}>{title}</h1>
      {!session && <p>{t('households.signIn')}</p>}
      {session && (loading || !ready) && !answer && <p aria-live="polite">{t('common.loading')}</p>}
      <Failure message={failure} onRetry={reload} />
      {answer && !round && roundRefused && <FieldMessage error={roundRefused} />}
      {round && (
        <>
          <dl>
            <dt>{t('households.roundDate')}</dt>
            <dd>{formatDate(round.date, lang)}</dd>
            <dt>{t('households.roundStatus')}</dt>
            <dd data-testid="round-status">{t(`households.roundStatus.${round.status}` as MessageKey)}</dd>
          </dl>
          <section aria-labelledby="progress-heading" data-testid="round-progress">
            <h2 id="progress-heading">{t('households.progress')}</h2>
            <p>
              {t('households.scope', { buildings: round.progress.buildings, units: round.progress.units })}
              {round.progress.missing > 0 && ` · ${t('households.missingCount', { count: round.progress.missing })}`}
            </p>
            <ProgressBars counts={round.progress} label={title} />
            <BuildingProgressList lines={round.progress.byBuilding} />
          </section>
          {mayManageRounds(roles) && round.status === 'SCHEDULED' && <StaffActions roundId={roundId} onChange={reload} />}
          {session && round.status === 'SCHEDULED' && options.length === 0 && <p>{t('households.readOnly')}</p>}
          {scopes.length > 1 && (
            <label className="inline">
              {t('households.listPart')}
              <select value={scopeIndex} onChange={(e) => setScopeIndex(Number(e.target.value))}>
                {scopes.map((s, i) => (
                  <option key={s.id ?? 'all'} value={i}>{s.name ?? t('households.listPartAll')}</option>
                ))}
              </select>
            </label>
          )}
          {listRefused && <FieldMessage error={listRefused} />}
          {lists && (
            <HouseholdList
              rows={rows}
              options={options}
              record={record}
              total={round.progress.households}
              truncated={lists.tests.pageInfo.hasNextPage || lists.missedHouseholds.pageInfo.hasNextPage}
            />
          )}
        </>
      )}
    </section>
  );
}
