import { useId, useState, type FormEvent } from 'react';
import {
  RosterAssignDocument, RosterCancelAssignmentDocument, RosterCancelShiftDocument, RosterProposeSwapDocument,
  RosterSignUpDocument, type RosterBoardQuery,
} from '../../gql/graphql';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';
import { RuleError } from './RuleError';
import { useRosterAction } from './useRosterAction';
import { VolunteerPicker, type Choice } from './VolunteerPicker';
import { cityTime, type BoardShift } from './week';

export type ShiftData = NonNullable<NonNullable<NonNullable<RosterBoardQuery['dutyPost']>['shifts']>[number]>;
type AssignmentData = NonNullable<NonNullable<ShiftData['assignments']>[number]>;

type OpenForm = { kind: 'cancelShift' } | { kind: 'cancel'; id: string } | { kind: 'swap'; id: string } | null;

/**
 * One shift: its time, who is on it, its free places (a gap, highlighted), and what the viewer may do there. Every
 * action calls its mutation; a refusal shows here (or at the assignment it concerns) with its rule's sentence.
 */
export function ShiftCard({ shift, dayLabel, canManage, me, staff, colleagues, onChanged }: {
  shift: BoardShift<ShiftData>;
  dayLabel: string;
  canManage: boolean;
  me: Choice | null;
  /** Whom an administrator may put on it: the community's active volunteers */
  staff: Choice[];
  /** Whom a volunteer may hand a shift to: the colleagues on this week's board */
  colleagues: Choice[];
  onChanged(): void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const action = useRosterAction(onChanged);
  const [open, setOpen] = useState<OpenForm>(null);
  const [chosen, setChosen] = useState('');
  const [reason, setReason] = useState('');
  // a new round of the forms after each action done: pickers start empty again
  const [round, setRound] = useState(0);
  const assignments = (shift.assignments ?? []).filter((a): a is AssignmentData => a !== null);
  const onIt = assignments.some((a) => a.volunteer?.id === me?.id && a.status === 'ACTIVE');
  const live = !shift.cancelled && !shift.ended;
  const time = t('roster.time', { start: cityTime(shift.startsAt), end: cityTime(shift.endsAt) });

  const isOpen = (form: NonNullable<OpenForm>) =>
    open !== null && open.kind === form.kind && ('id' in open ? open.id : '') === ('id' in form ? form.id : '');
  const toggle = (form: NonNullable<OpenForm>) => {
    setOpen(isOpen(form) ? null : form);
    setChosen('');
    setReason('');
  };
  /** Opens (or closes) one of the card's forms; the person's name tells screen readers which row it is for. */
  const formButton = (form: NonNullable<OpenForm>, label: MessageKey, who?: string) => (
    <button type="button" className="secondary" aria-expanded={isOpen(form)} onClick={() => toggle(form)}>
      {t(label)}
      {who && <span className="visually-hidden"> {who}</span>}
    </button>
  );
  const submit = (e: FormEvent, go: () => Promise<boolean>) => {
    e.preventDefault();
    void go().then((ok) => {
      if (!ok) return;
      setOpen(null);
      setChosen('');
      setReason('');
      setRound((r) => r + 1);
    });
  };
  const outcomeAt = (at: string) => action.at === at && (
    <>
      <RuleError errors={action.errors} />
      {action.done && <p role="status">{t(action.done)}</p>}
    </>
  );
  const reasonField = (
    <label>
      {t('roster.reason')}
      <input value={reason} required onChange={(e) => setReason(e.target.value)} />
    </label>
  );

  return (
    <article className={`shift${shift.free > 0 && live ? ' gap' : ''}${shift.cancelled ? ' cancelled' : ''}`}
      aria-labelledby={headingId} data-testid="shift" data-shift-id={shift.id} data-free={shift.free}>
      <h3 id={headingId}>
        <span className="visually-hidden">{dayLabel} </span>{time}
      </h3>
      <p className="staffing">
        {t('roster.staffed', { staffed: shift.staffed, required: shift.requiredHeadcount })}
        {' · '}
        {shift.cancelled
          ? t('roster.cancelled', { reason: shift.cancelReason ?? '' })
          : shift.ended
            ? t('roster.ended')
            : shift.free > 0
              ? <strong className="free">{t('roster.free', { n: shift.free })}</strong>
              : t('roster.full')}
      </p>
      {assignments.length === 0 ? (
        <p className="nobody">{t('roster.nobody')}</p>
      ) : (
        <ul className="people">
          {assignments.map((a) => {
            const mine = a.volunteer?.id === me?.id;
            const mayCancel = canManage && live;
            const maySwap = live && (canManage || mine);
            const swapTargets = (canManage ? staff : colleagues).filter((c) => c.id !== a.volunteer?.id);
            return (
              <li key={a.id} data-assignment-id={a.id}>
                <span>
                  {a.volunteer?.name ?? '—'}
                  {mine && t('roster.me')}
                  {' · '}
                  {t(`roster.source.${a.source}` as MessageKey)} · {t(`roster.status.${a.status}` as MessageKey)}
                </span>
                {(mayCancel || maySwap) && (
                  <span className="actions">
                    {mayCancel && formButton({ kind: 'cancel', id: a.id }, 'roster.cancelAssignment', a.volunteer?.name)}
                    {maySwap && formButton({ kind: 'swap', id: a.id }, 'roster.swap', a.volunteer?.name)}
                  </span>
                )}
                {isOpen({ kind: 'cancel', id: a.id }) && (
                  <form className="inline-form" onSubmit={(e) => submit(e, () =>
                    action.act(a.id, RosterCancelAssignmentDocument, { assignment: a.id, reason: reason.trim() },
                      'roster.done.cancelAssignment'))}>
                    {reasonField}
                    <button type="submit" disabled={action.busy || !reason.trim()}>{t('roster.confirm')}</button>
                  </form>
                )}
                {isOpen({ kind: 'swap', id: a.id }) && (
                  <form className="inline-form" onSubmit={(e) => submit(e, () =>
                    action.act(a.id, RosterProposeSwapDocument, { assignment: a.id, to: chosen, reason: reason.trim() || null },
                      'roster.done.swap'))}>
                    <VolunteerPicker key={round} choices={swapTargets} value={chosen} onChange={setChosen} label={t('roster.swapTo')} />
                    <label>
                      {t('roster.reason')}
                      <input value={reason} onChange={(e) => setReason(e.target.value)} />
                    </label>
                    <button type="submit" disabled={action.busy || !chosen}>{t('roster.proposeSwap')}</button>
                  </form>
                )}
                {outcomeAt(a.id)}
              </li>
            );
          })}
        </ul>
      )}
      {canManage && live && shift.free > 0 && open === null && (
        <form className="inline-form" onSubmit={(e) => submit(e, () =>
          action.act(shift.id, RosterAssignDocument, { shift: shift.id, volunteer: chosen }, 'roster.done.assign'))}>
          <VolunteerPicker key={round} choices={staff.filter((c) => !assignments.some((a) => a.volunteer?.id === c.id))}
            value={chosen} onChange={setChosen} />
          <button type="submit" disabled={action.busy || !chosen}>{t('roster.assign')}</button>
        </form>
      )}
      {me && !onIt && live && shift.free > 0 && (
        <button type="button" disabled={action.busy}
          onClick={() => void action.act(shift.id, RosterSignUpDocument, { shift: shift.id, volunteer: me.id }, 'roster.done.signUp')}>
          {t('roster.signUp')}
        </button>
      )}
      {canManage && live && formButton({ kind: 'cancelShift' }, 'roster.cancelShift')}
      {open?.kind === 'cancelShift' && (
        <form className="inline-form" onSubmit={(e) => submit(e, () =>
          action.act(shift.id, RosterCancelShiftDocument, { shift: shift.id, reason: reason.trim() }, 'roster.done.cancelShift'))}>
          {reasonField}
          <button type="submit" disabled={action.busy || !reason.trim()}>{t('roster.confirm')}</button>
        </form>
      )}
      {outcomeAt(shift.id)}
      {action.busy && <p aria-live="polite">{t('roster.working')}</p>}
    </article>
  );
}
