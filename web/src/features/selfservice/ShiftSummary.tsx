import type { MyWorkShiftFragment } from '../../gql/graphql';
import { useI18n } from '../../i18n/I18n';
import { timeRange } from './shiftTime';

/** A shift's post and hours in the city (its day is the heading it is listed under). */
export function ShiftSummary({ shift }: { shift: MyWorkShiftFragment }) {
  const { lang } = useI18n();
  return (
    <>
      <strong>{shift.post?.name ?? '—'}</strong>
      <span className="shift-time">{timeRange(shift.startsAt, shift.endsAt, lang)}</span>
      {shift.post?.address && <span className="shift-address">{shift.post.address}</span>}
    </>
  );
}

/** The words a button names a shift by: post and hours. */
export function shiftName(shift: MyWorkShiftFragment, lang: 'zh' | 'en'): { post: string; time: string } {
  return { post: shift.post?.name ?? '', time: timeRange(shift.startsAt, shift.endsAt, lang) };
}
