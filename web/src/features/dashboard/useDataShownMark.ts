import { useEffect, useRef } from 'react';

/** The Performance API mark the dashboard benchmark reads: set once, when the first data is on screen. */
export const DATA_SHOWN_MARK = 'dashboard:data-shown';

export function useDataShownMark(shown: boolean) {
  const done = useRef(false);
  useEffect(() => {
    if (!shown || done.current) return;
    done.current = true;
    performance.mark(DATA_SHOWN_MARK);
  }, [shown]);
}
