import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs`, so relative ages stay true in a window left open all day. */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
