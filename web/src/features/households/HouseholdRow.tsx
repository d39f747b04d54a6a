import { useEffect, useId, useRef, useState } from 'react';
import type { HouseholdTestStatus } from '../../gql/graphql';
import type { GraphQLError } from '../../graphql/client';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';
import { FieldMessage } from '../../ui/FieldMessage';
import { errorText } from './errorText';
import { countsPeople, needsReason } from './roles';
import type { HouseholdRow as Row } from './sheet';

/** Records a status; answers the refusal to show at the row, or the status that stands now. */
export type Record = (
  row: Row,
  status: HouseholdTestStatus,
  testedCount: number | null,
  reason: string | null,
) => Promise<{ refused: GraphQLError } | { stands: HouseholdTestStatus }>;

/** The door's label: building, unit and room ("书林苑1号楼 1单元101"). */
export function doorOf(row: Row): string {
  return `${row.buildingName} ${row.unitLabel}${row.room}`.trim();
}

/**
 * One household: tap it, tap its status (two taps; the head count is prefilled from the register and editable,
 * a reason where the status needs one). The status shows at once; a refusal shows here, at the row.
 */
export function HouseholdRow({ row, options, record }: { row: Row; options: HouseholdTestStatus[]; record: Record }) {
  const { t, lang } = useI18n();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [count, setCount] = useState(String(row.headCount));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<GraphQLError | null>(null);
  const [reasonMissing, setReasonMissing] = useState(false);
  const [kept, setKept] = useState<HouseholdTestStatus | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const firstChoice = useRef<HTMLButtonElement>(null);
  const reasonField = useRef<HTMLInputElement>(null);
  const door = doorOf(row);
  const { status, testedCount, recordedBy } = row.standing;
  const statusLabel = !status
    ? t('households.status.NONE')
    : countsPeople(status) && testedCount !== null
      ? t('households.statusTested', { count: testedCount })
      : t(`households.status.${status}` as MessageKey);

  useEffect(() => {
    if (open) firstChoice.current?.focus();
  }, [open]);

  const choose = async (choice: HouseholdTestStatus) => {
    if (needsReason(choice) && !reason.trim()) {
      setReasonMissing(true);
      reasonField.current?.focus();
      return;
    }
    setReasonMissing(false);
    setRefusal(null);
    setKept(null);
    setBusy(true);
    const n = Number.parseInt(count, 10);
    const outcome = await record(row, choice, countsPeople(choice) ? (Number.isNaN(n) ? row.headCount : n) : null, reason.trim() || null);
    setBusy(false);
    if ('refused' in outcome) {
      setRefusal(outcome.refused);
      return;
    }
    // the answer is what stands: a weaker status sent after a stronger one is kept in the history only
    if (outcome.stands !== choice) setKept(outcome.stands);
    setOpen(false);
    opener.current?.focus();
  };

  return (
    <li className={`household${row.missed ? ' missed' : ''}`} data-testid="household" data-door={door} data-status={status ?? 'NONE'}>
      <div className="household-line">
        {options.length > 0 ? (
          <button
            type="button"
            ref={opener}
            className="household-open"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen((o) => !o)}
            // the name starts with what the button shows (WCAG 2.5.3), then says which door it records
            aria-label={`${t('households.room', { room: row.room })} ${t('households.headCount', { count: row.headCount })} ${statusLabel}${lang === 'zh' ? '，' : ', '}${t('households.record', { door })}`}
          >
            <span className="door">{t('households.room', { room: row.room })}</span>
            <span>{t('households.headCount', { count: row.headCount })}</span>
            <span className={`hstatus hstatus-${status ?? 'NONE'}`}>{statusLabel}</span>
          </button>
        ) : (
          <p className="household-open read-only">
            <span className="door">{t('households.room', { room: row.room })}</span>
            <span>{t('households.headCount', { count: row.headCount })}</span>
            <span className={`hstatus hstatus-${status ?? 'NONE'}`}>{statusLabel}</span>
          </p>
        )}
      </div>
      <div className="contact">
        {row.contactRefused ? (
          <FieldMessage error={row.contactRefused} />
        ) : (
          (row.contactName || row.contactPhone) && (
            <span>
              {t('households.contact')}：{row.contactName}{' '}
              {row.contactPhone && <a href={`tel:${row.contactPhone}`}>{row.contactPhone}</a>}
            </span>
          )
        )}
        {recordedBy && <span className="recorded-by">{t('households.recordedBy', { name: recordedBy })}</span>}
      </div>
      {open && (
        <div id={panelId} role="group" aria-label={t('households.chooseStatus', { door })} className="status-panel">
          <div className="status-choices">
            {options.map((choice, i) => (
              <button
                key={choice}
                type="button"
                ref={i === 0 ? firstChoice : undefined}
                className={`choice choice-${choice}`}
                disabled={busy}
                onClick={() => void choose(choice)}
              >
                {t(`households.status.${choice}` as MessageKey)}
              </button>
            ))}
          </div>
          <label>
            {t('households.testedCount')}
            <input type="number" inputMode="numeric" min={0} max={50} value={count} onChange={(e) => setCount(e.target.value)} />
          </label>
          <label>
            {t('households.reason')}
            <input ref={reasonField} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={`${panelId}-hint`} />
          </label>
          <p id={`${panelId}-hint`} className="hint">{t('households.reasonHint')}</p>
          {reasonMissing && <p className="field-message" role="alert">{t('households.reasonRequired')}</p>}
          <button type="button" className="secondary" onClick={() => { setOpen(false); opener.current?.focus(); }}>
            {t('households.cancel')}
          </button>
          {busy && <p role="status">{t('households.saving')}</p>}
        </div>
      )}
      {refusal && (
        <p className="field-message" role="alert" data-code={refusal.extensions?.code ?? ''}>
          {errorText(t, refusal)}
        </p>
      )}
      {kept && (
        <p className="field-message" role="status">
          {t('households.keptStronger', { status: t(`households.status.${kept}` as MessageKey) })}
        </p>
      )}
    </li>
  );
}
