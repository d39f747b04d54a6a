/** One row of riskTrend's answer. */
export interface DailyCount {
  date: string;
  district: string;
  level: string;
  count: number;
}

/** One district's high- and low-risk counts for every day of the window (0 on a day the answer leaves out). */
export interface DistrictSeries {
  district: string;
  days: string[];
  high: number[];
  low: number[];
}

/** A calendar date (YYYY-MM-DD) moved by n days; no zone involved. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Every day from from to to, both included (none when to is before from). */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The answer as one series per district (sorted by name in Chinese order), each day of the window filled. */
export function seriesOf(rows: DailyCount[], from: string, to: string): DistrictSeries[] {
  const days = daysOf(from, to);
  const index = new Map(days.map((d, i) => [d, i]));
  const byDistrict = new Map<string, DistrictSeries>();
  for (const row of rows) {
    const i = index.get(row.date);
    if (i === undefined || (row.level !== 'HIGH' && row.level !== 'LOW')) continue;
    let series = byDistrict.get(row.district);
    if (!series) {
      series = { district: row.district, days, high: days.map(() => 0), low: days.map(() => 0) };
      byDistrict.set(row.district, series);
    }
    (row.level === 'HIGH' ? series.high : series.low)[i] += row.count;
  }
  return [...byDistrict.values()].sort((a, b) => a.district.localeCompare(b.district, 'zh'));
}

/** The top of the value axis: the largest value rounded up to 1, 2 or 5 × a power of ten (at least 1). */
export function niceMax(values: number[]): number {
  const max = Math.max(1, ...values);
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((s) => s * power >= max)!;
  return step * power;
}

/** A linear map from [d0, d1] onto [r0, r1]; a domain of one point maps to the middle of the range. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** The points of an SVG polyline: value i at x(i), y(value), rounded to a tenth. */
export function pointsOf(values: number[], x: (i: number) => number, y: (v: number) => number): string {
  const r = (n: number) => Math.round(n * 10) / 10;
  return values.map((v, i) => `${r(x(i))},${r(y(v))}`).join(' ');
}
