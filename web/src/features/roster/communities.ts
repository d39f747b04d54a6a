import type { MyUnit } from '../units/useMyUnits';

export interface CommunityChoice {
  id: string;
  name: string;
}

interface TreeUnit {
  kind: string;
  children?: ({ id: string; kind: string; name: string } | null)[] | null;
}

/**
 * The communities whose rosters this person opens: their own (a community among their units) first, then those of
 * their district (streets' communities from the organisation tree), each once.
 */
export function communityChoices(units: MyUnit[], districtStreets: (TreeUnit | null)[] = []): CommunityChoice[] {
  const seen = new Set<string>();
  const out: CommunityChoice[] = [];
  const add = (id: string, name: string) => {
    if (!seen.has(id)) {
      seen.add(id);
      out.push({ id, name });
    }
  };
  units.filter((u) => u.kind === 'COMMUNITY').forEach((u) => add(u.id, u.name));
  for (const street of districtStreets) {
    for (const c of street?.children ?? []) {
      if (c && c.kind === 'COMMUNITY') add(c.id, c.name);
    }
  }
  return out;
}
