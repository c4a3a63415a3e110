import { describe, it } from 'vitest';
import { expectSeedHolds } from './seed-holds.ts';
import { simSeeds } from './seeds.ts';

/** The same simulator on PostgreSQL, its workstations spread over two server instances sharing the database. */
describe('the fault simulator on PostgreSQL with two server instances', () => {
  // Two seeds by default (the SQLite suite runs three); ORBIT_SIM_RUNS / ORBIT_SIM_SEED as there.
  for (const seed of simSeeds({ ...process.env, ORBIT_SIM_RUNS: process.env.ORBIT_SIM_RUNS ?? '2' })) {
    it(`seed ${seed}: replicas converge, every mutation lands once, nothing leaks`, () =>
      expectSeedHolds(seed, { instances: 2, replay: 'npx vitest run --project integration:postgres' }));
  }
});
