import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchOptions } from '../../../bench/harness/options.ts';
import type { BenchResults } from '../../../bench/harness/results-file.ts';
import { runBench } from '../../../bench/harness/run-bench.ts';
import { SUITES } from '../../../bench/harness/suites.ts';

const dir = mkdtempSync(join(tmpdir(), 'orbit-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every suite at a few hundred tickets and a handful of samples: figures must come out, whatever they are. */
const tiny: BenchOptions = {
  scale: 0.0005,
  seed: 7,
  only: null,
  repeat: 1,
  samples: 5,
  agents: 4,
  loadSeconds: 0.5,
  offlineMutations: 50,
  remoteChanges: 50,
  syncMinutes: 5,
  fixtureDir: join(dir, 'fixtures'),
  resultsDir: join(dir, 'results'),
  fresh: true,
};

describe('npm run bench', () => {
  it('runs every suite end to end on a tiny workspace and writes its figures as JSON', async () => {
    const { results, file } = await runBench(tiny, () => {});

    const written = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
    expect(written.figures).toEqual(JSON.parse(JSON.stringify(results.figures)));
    expect(existsSync(file.replace(/\.json$/, '.md'))).toBe(true);
    expect(results.figures.filter((f) => f.status === 'failed')).toEqual([]);
    // The renderer needs `electron-vite build`, which npm test runs before this; alone it may skip itself.
    const ran = SUITES.filter((s) => s.name !== 'renderer' || existsSync('out/renderer/index.html')).map((s) => s.name);
    for (const suite of ran) expect(results.figures.some((f) => f.suite === suite && f.status === 'measured'), suite).toBe(true);
    for (const f of results.figures.filter((g) => g.status === 'measured')) expect(f.summary?.n, f.name).toBeGreaterThan(0);
  }, 120_000);
});
