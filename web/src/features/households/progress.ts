/** The counts a round's progress gives, for a whole round or one building's unit. */
export interface Counts {
  households: number;
  accounted: number;
  missing: number;
  people: number;
  peopleTested: number;
}

/** A progress bar's numbers: how much of the bar is filled (0..100, whole percent) and the fraction it stands for. */
export interface Bar {
  done: number;
  of: number;
  percent: number;
}

function bar(done: number, of: number): Bar {
  if (of <= 0) return { done, of: 0, percent: 0 };
  const percent = Math.min(100, Math.max(0, Math.floor((done / of) * 100)));
  return { done, of, percent };
}

/** Households accounted for out of all, and people tested out of those living there. */
export function progressBars(counts: Counts): { households: Bar; people: Bar; complete: boolean } {
  return {
    households: bar(counts.accounted, counts.households),
    people: bar(counts.peopleTested, counts.people),
    // a round without households completes; one with any missing does not
    complete: counts.missing === 0,
  };
}
