import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** 1 = 1M tickets (bench/data/sizes.ts). */
  scale: number;
  seed: number;
  /** Suites to run (all when null). */
  only: string[] | null;
  /** Runs of each whole-scenario figure (an initial sync, a drain…). */
  repeat: number;
  /** Samples of each engine query figure. */
  samples: number;
  /** Simulated agents of the server suite. */
  agents: number;
  /** Seconds the simulated agents keep writing. */
  loadSeconds: number;
  /** Mutations made offline and then drained (the figure is for 10,000). */
  offlineMutations: number;
  /** Changes committed by another agent before a catch-up (the figure is for 20,000). */
  remoteChanges: number;
  /** An initial sync still running after this long is stopped and reported with the rows it got. */
  syncMinutes: number;
  /** Generated workspaces and their replicas are kept here between runs (they take minutes at full scale). */
  fixtureDir: string;
  resultsDir: string;
  /** Generate the workspace again even if one is kept. */
  fresh: boolean;
}

export const USAGE = `npm run bench -- [--scale X] [--only a,b] [--repeat N] [--samples N] [--agents N] [--seed N] [--fresh]
  --scale    1 = 1M tickets, 5M messages, 20k accounts, 100k contacts, 5k articles, 200 agents (default 1)
  --only     suites: limit, engine, sync, server, peer, renderer (default all)
  --repeat   runs of each scenario figure (default 3)
  --samples  samples of each engine query figure (default 300)
  --agents   simulated agents of the server suite, several to an agent identity when the workspace has fewer (default 1000)
  --load-seconds, --offline, --remote
             the server suite's load time (10), mutations drained after being offline (10000),
             remote changes caught up with (20000): the issue's figures, smaller only for smoke tests
  --sync-minutes
             stop an initial sync still running after this long, reporting what it got (default 30)
  --fresh    generate the workspace again instead of reusing the one kept in $ORBIT_BENCH_DIR`;

export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      only: { type: 'string' },
      repeat: { type: 'string', default: '3' },
      samples: { type: 'string', default: '300' },
      agents: { type: 'string', default: '1000' },
      'load-seconds': { type: 'string', default: '10' },
      offline: { type: 'string', default: '10000' },
      remote: { type: 'string', default: '20000' },
      'sync-minutes': { type: 'string', default: '30' },
      fresh: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const positive = (name: string, text: string) => {
    const n = Number(text);
    if (!(n > 0)) throw new Error(`--${name} ${text} is not a positive number.\n${USAGE}`);
    return n;
  };
  return {
    scale: positive('scale', values.scale),
    seed: Math.round(positive('seed', values.seed)),
    only: values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : null,
    repeat: Math.round(positive('repeat', values.repeat)),
    samples: Math.round(positive('samples', values.samples)),
    agents: Math.round(positive('agents', values.agents)),
    loadSeconds: positive('load-seconds', values['load-seconds']),
    offlineMutations: Math.round(positive('offline', values.offline)),
    remoteChanges: Math.round(positive('remote', values.remote)),
    syncMinutes: positive('sync-minutes', values['sync-minutes']),
    fixtureDir: process.env.ORBIT_BENCH_DIR ?? join(tmpdir(), 'orbit-bench'),
    resultsDir: join(import.meta.dirname, '..', 'results'),
    fresh: values.fresh,
  };
}
