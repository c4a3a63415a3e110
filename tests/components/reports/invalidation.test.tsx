import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { invalidateKinds, REPORTS_EVERY_MS } from '../../../renderer/src/data/invalidation.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('reports after changes', () => {
  it('run again at once for the first change, then at most once per interval, and always after the last', () => {
    vi.useFakeTimers();
    const client = new QueryClient();
    const asked: string[] = [];
    vi.spyOn(client, 'invalidateQueries').mockImplementation(async (filters) => void asked.push(JSON.stringify(filters?.queryKey)));
    const reportRuns = () => asked.filter((k) => k === '["reports"]').length;

    invalidateKinds(client, ['ticket']);
    expect(reportRuns()).toBe(1);
    // The queue and the ticket views are not held back.
    expect(asked).toContain('["queue"]');
    for (let i = 0; i < 5; i++) invalidateKinds(client, ['ticket']);
    expect(reportRuns()).toBe(1);
    expect(asked.filter((k) => k === '["queue"]').length).toBe(6);
    vi.advanceTimersByTime(REPORTS_EVERY_MS);
    expect(reportRuns()).toBe(2);
    // Quiet: nothing more.
    vi.advanceTimersByTime(REPORTS_EVERY_MS * 3);
    expect(reportRuns()).toBe(2);
    // A saved report's change refreshes the saved list at once, whatever the throttle.
    invalidateKinds(client, ['report']);
    expect(asked.at(-1)).toBe('["reports","saved"]');
  });
});
