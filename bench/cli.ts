// npm run bench -- [--scale X] [--only a,b] [--repeat N] [--samples N] [--agents N] [--fresh]
// Prints a table of figures against their budgets and writes JSON to bench/results/. Figures, not tests.
import { machineLine } from './harness/machine.ts';
import { parseBenchArgs } from './harness/options.ts';
import { runBench } from './harness/run-bench.ts';
import { terminalTable } from './harness/table.ts';

const options = parseBenchArgs(process.argv.slice(2));
const { results, file } = await runBench(options);
console.log(`\nOrbit bench · scale ${options.scale} · ${machineLine(results.machine)} · ${results.seconds.toFixed(0)} s`);
if (results.workspace) console.log(`workspace: ${Object.entries(results.workspace).map(([k, n]) => `${(n as number).toLocaleString('en')} ${k}`).join(', ')}`);
console.log(`\n${terminalTable(results.figures)}\n\nJSON: ${file}`);
