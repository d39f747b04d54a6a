/** A response as the dashboard reads it, with the post-hours of its posts still short of people. */
export interface DashboardResponse {
  id: string;
  state: string;
  effectiveDate: string;
  uncovered: ({ from: string; until: string; post: { id: string; name: string } | null } | null)[] | null;
}

/** The responses still under way (not LIFTED), newest effective date first. */
export function openResponses<R extends DashboardResponse>(responses: readonly (R | null)[]): R[] {
  return responses
    .filter((r): r is R => r !== null && r.state !== 'LIFTED')
    .sort((a, b) => b.effectiveDate.localeCompare(a.effectiveDate));
}

/** What a response leaves uncovered: post-hours short in total, and the posts, each once, in the API's order. */
export function uncoveredOf(response: DashboardResponse): { postHours: number; posts: { id: string; name: string }[] } {
  let postHours = 0;
  const posts = new Map<string, string>();
  for (const gap of response.uncovered ?? []) {
    if (!gap) continue;
    postHours += Math.round((Date.parse(gap.until) - Date.parse(gap.from)) / 3_600_000);
    if (gap.post) posts.set(gap.post.id, gap.post.name);
  }
  return { postHours, posts: [...posts].map(([id, name]) => ({ id, name })) };
}
