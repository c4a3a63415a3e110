/** What a figure reports of its samples. */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
}

/** Nearest-rank percentiles: with few samples p99 is the maximum, never an interpolation below it. */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('No samples to summarize.');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
  return { n: sorted.length, median: rank(0.5), p95: rank(0.95), p99: rank(0.99), min: sorted[0] as number, max: sorted.at(-1) as number };
}

/** Milliseconds `work` takes. */
export async function timed(work: () => unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Milliseconds of each of `runs` calls (synchronous work: no event-loop turn between them). */
export function sampleSync(runs: number, work: (i: number) => unknown): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work(i);
    samples.push(performance.now() - started);
  }
  return samples;
}
