import { Fixture } from '../data/fixture.ts';
import { FigureBook } from './figures.ts';
import { describeMachine, sampleLoad } from './machine.ts';
import type { BenchOptions } from './options.ts';
import { writeResults, type BenchResults } from './results-file.ts';
import { SuiteContext, type Suite } from './suite.ts';
import { SUITES } from './suites.ts';

export interface BenchRun {
  results: BenchResults;
  file: string;
}

/** Runs the chosen suites in order over one generated workspace and writes the results; progress goes to `log` (stderr). */
export async function runBench(options: BenchOptions, log: (line: string) => void = (line) => console.error(line), suites: readonly Suite[] = SUITES): Promise<BenchRun> {
  const unknown = (options.only ?? []).filter((name) => !suites.some((s) => s.name === name));
  if (unknown.length) throw new Error(`No such suite: ${unknown.join(', ')} (there are ${suites.map((s) => s.name).join(', ')}).`);
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const book = new FigureBook();
  const load = sampleLoad();
  // Generated (or found) when the first suite asks for it: a suite list without one needs none.
  const kept: { fixture: Promise<Fixture> | null } = { fixture: null };
  const ensureFixture = () => (kept.fixture ??= Fixture.ensure(options.fixtureDir, options.scale, options.seed, { fresh: options.fresh, log: (m) => log(`[data] ${m}`) }));
  for (const suite of suites) {
    if (options.only && !options.only.includes(suite.name)) continue;
    const ctx = new SuiteContext(suite.name, options, book, ensureFixture, log);
    ctx.log('starting');
    await ctx.attempt('(suite)', () => suite.run(ctx));
  }
  const { resultsDir: _r, fixtureDir: _f, ...shown } = options;
  const results: BenchResults = {
    startedAt,
    seconds: (performance.now() - started) / 1000,
    machine: describeMachine(load.stop()),
    options: shown,
    workspace: kept.fixture ? (await kept.fixture).manifest.counts : null,
    figures: book.figures,
  };
  return { results, file: writeResults(options.resultsDir, results) };
}
