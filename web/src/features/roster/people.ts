import type { Choice } from './VolunteerPicker';

/** Roles whose holders run a community's roster (the gateway decides; this only hides what it would refuse). */
export function mayManageRoster(roles: string[]): boolean {
  return roles.includes('community-admin') || roles.includes('system-admin');
}

interface PersonLike {
  id: string;
  name: string;
  active?: boolean;
}

interface ShiftPeople {
  assignments?: ({ volunteer?: { id: string; name: string } | null } | null)[] | null;
}

/**
 * Whom the board offers: an administrator the community's active volunteers (by name); a volunteer, for a
 * hand-over, the colleagues on this week's shifts other than themselves.
 */
export function boardPeople(volunteers: (PersonLike | null)[], shifts: (ShiftPeople | null)[], me: { id: string } | null) {
  const byName = (a: Choice, b: Choice) => a.name.localeCompare(b.name, 'zh-CN');
  const staff = volunteers
    .filter((v): v is PersonLike => v !== null && v.active !== false)
    .map(({ id, name }) => ({ id, name }))
    .sort(byName);
  const seen = new Map<string, Choice>();
  for (const s of shifts) {
    for (const a of s?.assignments ?? []) {
      const v = a?.volunteer;
      if (v && v.id !== me?.id) seen.set(v.id, { id: v.id, name: v.name });
    }
  }
  return { staff, colleagues: [...seen.values()].sort(byName) };
}
