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
