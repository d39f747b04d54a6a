/** A unit of the organisation as the dashboard reads it. */
export interface Unit {
  id: string;
  kind: string;
  name: string;
  children?: (Unit | null)[] | null;
}

/**
 * The communities a person may open on the dashboard: their own communities (a community admin's), else those below
 * the district or street they work for (found in its tree, most general first), each once.
 */
export function communitiesOf(myUnits: readonly Unit[], tree: Unit | null): { id: string; name: string }[] {
  const found = new Map<string, string>();
  const visit = (unit: Unit | null | undefined) => {
    if (!unit) return;
    if (unit.kind === 'COMMUNITY') found.set(unit.id, unit.name);
    else (unit.children ?? []).forEach(visit);
  };
  myUnits.filter((u) => u.kind === 'COMMUNITY').forEach(visit);
  visit(tree);
  return [...found].map(([id, name]) => ({ id, name }));
}

/** The unit whose tree holds the communities of a district officer (or of a street's staff): the most general one. */
export function treeRootOf(myUnits: readonly Unit[]): Unit | undefined {
  return myUnits.find((u) => u.kind === 'DISTRICT') ?? myUnits.find((u) => u.kind === 'STREET');
}
