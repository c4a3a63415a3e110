import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from './figures.ts';
import { machineLine, type Machine } from './machine.ts';
import type { BenchOptions } from './options.ts';
import { markdownTable } from './table.ts';

export interface BenchResults {
  startedAt: string;
  seconds: number;
  machine: Machine;
  options: Omit<BenchOptions, 'resultsDir' | 'fixtureDir'>;
  workspace: unknown;
  figures: Figure[];
}

/** Writes the run as JSON (and its table as Markdown beside it); returns the JSON file's path. */
export function writeResults(dir: string, results: BenchResults): string {
  mkdirSync(dir, { recursive: true });
  const name = `${results.startedAt.replace(/[:.]/g, '-')}-scale-${results.options.scale}`;
  const file = join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  const header = `Scale ${results.options.scale}, ${results.startedAt}, ${results.seconds.toFixed(0)} s on ${machineLine(results.machine)}.`;
  writeFileSync(join(dir, `${name}.md`), `${header}\n\n${markdownTable(results.figures)}\n`);
  return file;
}
