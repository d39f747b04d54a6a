/** Who drafted and who published a notice, from its audit trail (IMPORT/CREATE/REPLACE, then PUBLISH). */
export function fourEyesOf(trail: { action: string; actor?: string | null }[]): { drafter?: string; publisher?: string } {
  // the trail is newest first: the last drafting entry is the first draft's author
  const drafting = trail.filter((e) => e.action === 'IMPORT' || e.action === 'CREATE' || e.action === 'REPLACE');
  const published = trail.find((e) => e.action === 'PUBLISH');
  return { drafter: drafting.at(-1)?.actor ?? undefined, publisher: published?.actor ?? undefined };
}

/** Whether the console offers "publish": a draft, a publisher (or system admin), and not its own drafter if known. */
export function mayOfferPublish(status: string, roles: string[], username: string | undefined, drafter: string | undefined): boolean {
  const publisher = roles.includes('notice-publisher') || roles.includes('system-admin');
  return status === 'DRAFT' && publisher && (drafter === undefined || drafter !== username);
}
