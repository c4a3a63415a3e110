const MIN_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/**
 * Delay before retry number `attempt` (0-based): doubling from 500 ms up to 30 s, with "equal
 * jitter" (half fixed, half random) so that many workstations coming back at once spread out.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** Math.min(attempt, 16));
  return Math.max(MIN_DELAY_MS, Math.round(ceiling / 2 + random() * (ceiling / 2)));
}

/** The longest a server's Retry-After may hold this workstation back: a wrong header never parks sync for hours. */
const MAX_RETRY_AFTER_MS = 5 * 60_000;
/** IMF-fixdate, the HTTP date form servers send: `Sun, 06 Nov 1994 08:49:37 GMT`. */
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * A Retry-After header (RFC 9110: delay seconds, or an HTTP date) as milliseconds from `now`, at most
 * five minutes; null when absent or unreadable.
 */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const value = header.trim();
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : HTTP_DATE.test(value) ? Date.parse(value) - now : NaN;
  return Number.isNaN(ms) ? null : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}
