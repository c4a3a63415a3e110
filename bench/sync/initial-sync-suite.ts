import { DEMO_ADMIN_EMAIL } from '../../server/demo/credentials.ts';
import { BUDGETS } from '../harness/budgets.ts';
import { withScratch } from '../harness/scratch.ts';
import { summarize } from '../harness/stats.ts';
import type { Suite, SuiteContext } from '../harness/suite.ts';
import { initialSync, type InitialSync } from './initial-sync-run.ts';
import { copyFromFile, copyOverHttp, type Copy } from './limits.ts';
import { dumpRows } from './row-dump.ts';

/** The figure other suites compare with. */
export const ORBIT_INITIAL_SYNC = 'Orbit initial sync, whole workspace';

const perSecond = (rows: number, ms: number) => rows / (ms / 1000);

/**
 * An admin's initial sync of the whole workspace from a real server (its own process) over
 * loopback, against the machine's limit measured here in the same process: the same rows read
 * from an NDJSON file into a bare table, and copied as plain NDJSON over HTTP.
 */
export const initialSyncSuite: Suite = {
  name: 'initial-sync',
  async run(ctx: SuiteContext) {
    const fixture = await ctx.fixture();
    const { repeat } = ctx.options;
    await withScratch(async (file) => {
      ctx.log('dumping the workspace to NDJSON');
      const dump = file('rows.ndjson');
      const dumped = dumpRows(fixture.serverDb, dump);
      const limits: Record<string, Copy[]> = { file: [], http: [] };
      for (let run = 0; run < repeat; run++) {
        limits.file?.push(await copyFromFile(dump, file(`bare-file-${run}.sqlite`)));
        limits.http?.push(await copyOverHttp(dump, file(`bare-http-${run}.sqlite`)));
      }
      const fileLimit = summarize((limits.file ?? []).map((c) => perSecond(c.rows, c.ms))).median;
      ctx.figure('limit: NDJSON file → bare table', 'rows/s', (limits.file ?? []).map((c) => perSecond(c.rows, c.ms)), { note: `${dumped.toLocaleString('en')} rows` });
      ctx.figure('limit: NDJSON over HTTP → bare table', 'rows/s', (limits.http ?? []).map((c) => perSecond(c.rows, c.ms)));

      const server = await fixture.startServer();
      try {
        const syncs: InitialSync[] = [];
        for (let run = 0; run < repeat; run++) {
          ctx.log(`initial sync ${run + 1} of ${repeat}`);
          const replica = file(`replica-${run}.sqlite`);
          syncs.push(await initialSync(server.url, replica, DEMO_ADMIN_EMAIL));
          if (run === repeat - 1) fixture.adoptAdminReplica(replica);
        }
        const rate = syncs.map((s) => perSecond(s.rows, s.totalMs));
        ctx.figure(ORBIT_INITIAL_SYNC, 'rows/s', rate, { note: `${(syncs[0]?.rows ?? 0).toLocaleString('en')} rows as admin; secondary indexes built after the download` });
        ctx.figure('  time to first ticket page', 's', syncs.map((s) => s.firstPageMs / 1000));
        ctx.figure('  time until usable (open work in)', 's', syncs.map((s) => s.usableMs / 1000), { note: 'open tickets, their customers and threads; history still loading' });
        ctx.figure('  total time', 's', syncs.map((s) => s.totalMs / 1000));
        ctx.figure('  of the bare-insert limit', '%', (100 * summarize(rate).median) / fileLimit, { budget: BUDGETS.initialSyncOfLimit });
        ctx.figure('  main process event-loop stall', 'ms', syncs.map((s) => s.mainBlockedMs), {
          budget: BUDGETS.mainBlocked,
          note: 'longest stall of the process hosting the engine worker (the Electron main stand-in) during the sync',
        });
      } finally {
        await server.close();
      }
    });
  },
};
