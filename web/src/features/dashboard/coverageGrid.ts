import { cityHour } from './cityClock';

/** A coverage gap as the API gives it: a run of post-hours under the post's headcount. */
export interface Gap {
  hours: string[];
  required: number;
  staffed: number;
  hasShift: boolean;
  post: { id: string; name: string } | null;
}

/** Hours of one city day in a row of the grid: short of people, or not. */
export type Segment =
  | { kind: 'gap'; start: number; length: number; required: number; staffed: number; hasShift: boolean }
  | { kind: 'covered'; start: number; length: number };

export interface PostWeek {
  postId: string;
  postName: string;
  /** Post-hours short of people in the week. */
  shortHours: number;
  /** One row per day of the week, 24 hours each, in runs. */
  days: { date: string; segments: Segment[] }[];
}

interface HourGap {
  required: number;
  staffed: number;
  hasShift: boolean;
}

/**
 * The post × hour grid of a week: one block per post with a gap (in the order the API lists them), one row per day,
 * each day's 24 hours as runs of equal cells. Two gaps of one post in the same hour (overlapping shifts) count once,
 * the larger shortfall; hours outside the days given are left out.
 */
export function coverageGrid(gaps: readonly (Gap | null)[], days: readonly string[]): PostWeek[] {
  const byPost = new Map<string, { name: string; hours: Map<string, HourGap> }>();
  const inWeek = new Set(days);
  for (const gap of gaps) {
    if (!gap?.post) continue;
    const post = byPost.get(gap.post.id) ?? { name: gap.post.name, hours: new Map<string, HourGap>() };
    byPost.set(gap.post.id, post);
    for (const hour of gap.hours) {
      const { date, hour: h } = cityHour(hour);
      if (!inWeek.has(date)) continue;
      const key = `${date}|${h}`;
      const known = post.hours.get(key);
      if (!known || known.required - known.staffed < gap.required - gap.staffed) {
        post.hours.set(key, { required: gap.required, staffed: gap.staffed, hasShift: gap.hasShift });
      }
    }
  }
  return [...byPost.entries()]
    .filter(([, post]) => post.hours.size > 0)
    .map(([postId, post]) => ({
      postId,
      postName: post.name,
      shortHours: post.hours.size,
      days: days.map((date) => ({ date, segments: segmentsOf((h) => post.hours.get(`${date}|${h}`)) })),
    }));
}

/** A day's 24 hours in runs: consecutive hours with the same shortfall (or none) make one segment. */
function segmentsOf(at: (hour: number) => HourGap | undefined): Segment[] {
  const segments: Segment[] = [];
  for (let h = 0; h < 24; h++) {
    const gap = at(h);
    const last = segments[segments.length - 1];
    if (last && same(last, gap)) {
      last.length++;
    } else {
      segments.push(gap ? { kind: 'gap', start: h, length: 1, ...gap } : { kind: 'covered', start: h, length: 1 });
    }
  }
  return segments;
}

function same(segment: Segment, gap: HourGap | undefined): boolean {
  if (segment.kind === 'covered') return gap === undefined;
  return gap !== undefined && segment.required === gap.required && segment.staffed === gap.staffed
    && segment.hasShift === gap.hasShift;
}
