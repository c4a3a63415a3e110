import { expect } from 'vitest';
import { simulate } from './simulation.ts';

/** Runs one seeded simulation and expects every guarantee to hold, printing how to replay it and, on failure, its last steps. */
export async function expectSeedHolds(seed: number, opts: { instances?: number; replay: string }): Promise<void> {
  const label = `sim seed ${seed}${opts.instances ? `, ${opts.instances} server instances` : ''}`;
  console.log(`${label} (replay: ORBIT_SIM_SEED=${seed} ${opts.replay})`);
  const { problems, trace, ...figures } = await simulate(seed, { instances: opts.instances });
  console.log(`${label}: ${JSON.stringify(figures)}`);
  if (problems.length) console.log(`${label} failed; last steps:\n${trace.slice(-40).join('\n')}`);
  expect(problems).toEqual([]);
}
