import { useState } from 'react';
import { RosterBoardDocument, RosterVolunteersDocument } from '../../gql/graphql';
import { useAuth } from '../../auth/AuthContext';
import { errorAt } from '../../graphql/errors';
import { useQuery } from '../../graphql/useGraphQL';
import { useI18n } from '../../i18n/I18n';
import { Failure, FieldMessage } from '../../ui/FieldMessage';
import { boardPeople, mayManageRoster } from './people';
import { ShiftCard } from './ShiftCard';
import { addDays, formatDay, weekGrid, weekOf } from './week';
import './roster.css';

/** Live until the gateway serves roster subscriptions: the board reads again every 20 s (and after each action). */
const POLL_MS = 20_000;

/** A post's week: each day's shifts with their people and free places, and the actions the viewer may take. */
export function PostBoard({ postId }: { postId: string }) {
  const { t, lang } = useI18n();
  const { session } = useAuth();
  const [week, setWeek] = useState(() => weekOf());
  const board = useQuery(RosterBoardDocument, { post: postId, from: week.from, to: week.to }, { pollMs: POLL_MS });
  const post = board.answer?.data?.dutyPost;
  const canManage = mayManageRoster(session?.roles ?? []);
  const communityId = post?.community?.id;
  const people = useQuery(RosterVolunteersDocument, canManage && communityId ? { community: communityId } : null);
  const me = board.answer?.data?.me ?? null;
  const days = weekGrid(week, post?.shifts ?? []);
  const { staff, colleagues } = boardPeople(people.answer?.data?.community?.volunteers ?? [], post?.shifts ?? [], me);
  const refused = board.answer && (errorAt(board.answer.errors, ['dutyPost', 'shifts']) ?? errorAt(board.answer.errors, ['dutyPost']));
  const volunteersRefused = people.answer && errorAt(people.answer.errors, ['community', 'volunteers']);

  return (
    <section aria-labelledby="roster-heading" className="roster">
      <p>
        <a href="#/roster">{t('roster.back')}</a>
      </p>
      <h1 id="roster-heading" tabIndex={-1}>{post ? post.name : t('roster.heading')}</h1>
      {post && (
        <p>
          {post.community?.name} · {t('roster.headcount', { n: post.requiredHeadcount })}
          {post.aroundTheClock && ` · ${t('roster.aroundTheClock')}`}
        </p>
      )}
      <nav aria-label={t('roster.weekNav')} className="week-nav">
        <button type="button" onClick={() => setWeek(weekOf(addDays(week.monday, -7)))}>{t('roster.prevWeek')}</button>
        <button type="button" onClick={() => setWeek(weekOf())}>{t('roster.thisWeek')}</button>
        <button type="button" onClick={() => setWeek(weekOf(addDays(week.monday, 7)))}>{t('roster.nextWeek')}</button>
        <p aria-live="polite" data-testid="week">
          {t('roster.week', { from: formatDay(week.days[0], lang), to: formatDay(week.days[6], lang) })}
        </p>
      </nav>
      {board.loading && !board.answer && <p aria-live="polite">{t('common.loading')}</p>}
      <Failure message={board.failure} onRetry={board.reload} />
      {refused && <FieldMessage error={refused} />}
      {volunteersRefused && <FieldMessage error={volunteersRefused} />}
      {post && !refused && (
        <div className="week" data-testid="week-board">
          {days.map((day) => {
            const label = formatDay(day.date, lang);
            return (
              <section key={day.date} className="day" aria-labelledby={`day-${day.date}`} data-date={day.date}>
                <h2 id={`day-${day.date}`}>
                  {label}{' '}
                  {day.shifts.length > 0 && (
                    <span className={`badge ${day.gaps > 0 ? 'day-gap' : 'day-covered'}`} data-testid="day-gaps">
                      {day.gaps > 0 ? t('roster.dayGaps', { n: day.gaps }) : t('roster.dayCovered')}
                    </span>
                  )}
                </h2>
                {day.shifts.length === 0 ? (
                  <p className="no-shifts">{t('roster.noShifts')}</p>
                ) : (
                  <div className="shifts">
                    {day.shifts.map((s) => (
                      <ShiftCard key={s.id} shift={s} dayLabel={label} canManage={canManage} me={me}
                        staff={staff} colleagues={colleagues} onChanged={board.reload} />
                    ))}
                  </div>
                )}
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}
