import { randomInt } from 'node:crypto';

const DEFAULT_RUNS = 3;

function positiveInt(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1, not "${text}".`);
  return n;
}

/**
 * The seeds of this run: `ORBIT_SIM_SEED=n` (or `n,m,...`) replays exactly those; otherwise
 * `ORBIT_SIM_RUNS` fresh random seeds (3 by default), each printed so that a failure can be replayed.
 */
export function simSeeds(env: NodeJS.ProcessEnv = process.env): number[] {
  const fixed = env.ORBIT_SIM_SEED?.trim();
  if (fixed) return fixed.split(',').map((s) => positiveInt('ORBIT_SIM_SEED', s.trim()));
  const runs = env.ORBIT_SIM_RUNS ? positiveInt('ORBIT_SIM_RUNS', env.ORBIT_SIM_RUNS) : DEFAULT_RUNS;
  return Array.from({ length: runs }, () => randomInt(1, 2 ** 31));
}

/** One seed: the first of ORBIT_SIM_SEED, or a fresh one. */
export function oneSeed(env: NodeJS.ProcessEnv = process.env): number {
  return simSeeds({ ...env, ORBIT_SIM_RUNS: '1' })[0] as number;
}
