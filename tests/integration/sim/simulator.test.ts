import { describe, it } from 'vitest';
import { expectSeedHolds } from './seed-holds.ts';
import { simSeeds } from './seeds.ts';

describe('the fault simulator', () => {
  for (const seed of simSeeds()) {
    it(`seed ${seed}: replicas converge, every mutation lands once, nothing leaks`, () =>
      expectSeedHolds(seed, { replay: 'npx vitest run tests/integration/sim/simulator.test.ts' }));
  }
});
