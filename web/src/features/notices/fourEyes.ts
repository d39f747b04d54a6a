/** Whether the console offers "publish": a draft, a publisher (or system admin), and not its own drafter if known. */
export function mayOfferPublish(status: string, roles: string[], username: string | undefined, drafter: string | undefined): boolean {
  const publisher = roles.includes('notice-publisher') || roles.includes('system-admin');
  return status === 'DRAFT' && publisher && (drafter === undefined || drafter !== username);
}
