import { startChild } from '../harness/child.ts';
import { BUDGETS } from '../harness/budgets.ts';
import { summarize } from '../harness/stats.ts';
import type { Suite, SuiteContext } from '../harness/suite.ts';
import { ORBIT_INITIAL_SYNC } from '../sync/initial-sync-suite.ts';
import { MemoryPouch, Pouch } from './pouch.ts';

/** PouchDB's replication batch: ten times its default, which only makes it faster. */
const BATCH_SIZE = 1000;
/** Both PouchDBs keep every revision in memory: a million tickets need more than Node's default heap. */
const HEAP_MB = 16_384;

/**
 * The canonical offline-first peer: the workspace's tickets replicated with PouchDB from
 * express-pouchdb over loopback (server in its own process, client here), and Orbit's initial
 * sync rate as a multiple of it.
 */
export const peerSuite: Suite = {
  name: 'peer',
  async run(ctx: SuiteContext) {
    const fixture = await ctx.fixture();
    ctx.log('loading the tickets into a PouchDB server');
    const server = await startChild<{ url: string; docs: number }>(new URL('./pouch-server.ts', import.meta.url), ['--db', fixture.serverDb], { nodeArgs: [`--max-old-space-size=${HEAP_MB}`] });
    try {
      const rates: number[] = [];
      for (let run = 0; run < ctx.options.repeat; run++) {
        const local = new MemoryPouch(`peer-${run}`);
        const started = performance.now();
        const result = await Pouch.replicate(new Pouch(server.hello.url), local, { batch_size: BATCH_SIZE });
        rates.push(result.docs_written / ((performance.now() - started) / 1000));
        await local.destroy();
      }
      ctx.figure('PouchDB replication of the tickets', 'docs/s', rates, { note: `${server.hello.docs.toLocaleString('en')} tickets, memory adapters both ends, batch_size ${BATCH_SIZE}` });
      const orbit = ctx.earlier('initial-sync', ORBIT_INITIAL_SYNC);
      if (orbit?.summary) {
        ctx.figure('Orbit initial sync ÷ PouchDB', '×', orbit.summary.median / summarize(rates).median, { budget: BUDGETS.initialSyncOfPouch, note: "Orbit's rows/s (whole workspace, to disk) over PouchDB's docs/s (tickets, in memory)" });
      } else {
        ctx.skipped('Orbit initial sync ÷ PouchDB', 'needs the initial-sync suite in the same run');
      }
    } finally {
      await server.close();
    }
  },
};
