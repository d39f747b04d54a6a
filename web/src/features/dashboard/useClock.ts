import { useEffect, useState } from 'react';

/** The current time, renewed every `everyMs` (the dashboard's windows move with it). */
export function useClock(everyMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
