/** A post with the shifts of the current hour, as the dashboard reads them. */
export interface PostShifts {
  id: string;
  name: string;
  aroundTheClock: boolean;
  activeUntil: string | null;
  shifts:
    | ({ startsAt: string; endsAt: string; assignments: ({ status: string; volunteer: { name: string } | null } | null)[] | null } | null)[]
    | null;
}

export interface OnDutyRow {
  postId: string;
  postName: string;
  /** Who is on the shift under way (active assignments); empty when nobody is. */
  people: string[];
  /** The shift under way, if any. */
  from: string | null;
  until: string | null;
}

/**
 * Who is on duty at an instant, post by post: the shift under way and its people; an around-the-clock post without
 * anyone is listed too (an empty checkpoint is news), other posts only while a shift runs. Closed posts are left out.
 */
export function onDutyNow(posts: readonly (PostShifts | null)[], now: Date): OnDutyRow[] {
  const at = now.getTime();
  const rows: OnDutyRow[] = [];
  for (const post of posts) {
    if (!post || (post.activeUntil !== null && Date.parse(post.activeUntil) <= at)) continue;
    const current = (post.shifts ?? []).find((s) => s !== null && Date.parse(s.startsAt) <= at && at < Date.parse(s.endsAt));
    const people = (current?.assignments ?? [])
      .filter((a) => a?.status === 'ACTIVE' && a.volunteer)
      .map((a) => a!.volunteer!.name);
    if (!current && !post.aroundTheClock) continue;
    rows.push({ postId: post.id, postName: post.name, people, from: current?.startsAt ?? null, until: current?.endsAt ?? null });
  }
  return rows;
}
