import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../electron/engine/sync/backoff.ts';

describe('backoffDelay', () => {
  it('doubles from 500 ms up to 30 s', () => {
    const highest = Array.from({ length: 12 }, (_, attempt) => backoffDelay(attempt, () => 1));
    expect(highest).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000, 30000, 30000]);
  });

  it('spreads retries over the upper half of each step, never below 500 ms', () => {
    expect(backoffDelay(4, () => 0)).toBe(4000);
    expect(backoffDelay(4, () => 0.5)).toBe(6000);
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(50, () => 0)).toBe(15000);
  });
});
