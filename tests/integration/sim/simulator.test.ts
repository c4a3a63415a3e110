import { describe, expect, it } from 'vitest';
import { simulate } from './simulation.ts';
import { simSeeds } from './seeds.ts';

const REPLAY = 'npx vitest run tests/integration/sim/simulator.test.ts';

describe('the fault simulator', () => {
  for (const seed of simSeeds()) {
    it(`seed ${seed}: replicas converge, every mutation lands once, nothing leaks`, async () => {
      console.log(`sim seed ${seed} (replay: ORBIT_SIM_SEED=${seed} ${REPLAY})`);
      const report = await simulate(seed);
      const { problems, trace, ...figures } = report;
      console.log(`sim seed ${seed}: ${JSON.stringify(figures)}`);
      if (problems.length) console.log(`sim seed ${seed} failed; last steps:\n${trace.slice(-40).join('\n')}`);
      expect(problems).toEqual([]);
    });
  }
});
