import { DEMO_ADMIN_EMAIL } from '../../server/demo/credentials.ts';
import { BUDGETS } from '../harness/budgets.ts';
import { startChild } from '../harness/child.ts';
import { withScratch } from '../harness/scratch.ts';
import { summarize } from '../harness/stats.ts';
import type { Suite, SuiteContext } from '../harness/suite.ts';
import type { InitialSync } from './initial-sync-run.ts';
import { copyFromFile, copyOverHttp, type Copy } from './limits.ts';
import { dumpRows } from './row-dump.ts';

/** The figure other suites compare with. */
export const ORBIT_INITIAL_SYNC = 'Orbit initial sync, whole workspace';

const perSecond = (rows: number, ms: number) => rows / (ms / 1000);
const seconds = (ms: number | null) => (ms === null ? [] : [ms / 1000]);

/** One admin initial sync in a process of its own (bench/sync/initial-sync-child.ts). */
async function syncInChild(serverUrl: string, file: string, deadlineMs: number): Promise<InitialSync> {
  const child = await startChild<InitialSync>(new URL('./initial-sync-child.ts', import.meta.url), ['--url', serverUrl, '--file', file, '--email', DEMO_ADMIN_EMAIL, '--deadline-ms', String(deadlineMs)]);
  await child.close();
  return child.hello;
}

/**
 * An admin's initial sync of the whole workspace from a real server (its own process) over
 * loopback, against the machine's limit measured here in the same process: the same rows read
 * from an NDJSON file into a bare table, and copied as plain NDJSON over HTTP.
 */
export const initialSyncSuite: Suite = {
  name: 'initial-sync',
  async run(ctx: SuiteContext) {
    const fixture = await ctx.fixture();
    const { repeat, syncMinutes } = ctx.options;
    await withScratch(async (file) => {
      ctx.log('dumping the workspace to NDJSON');
      const dump = file('rows.ndjson');
      const dumped = dumpRows(fixture.serverDb, dump);
      const limits: Record<'file' | 'http', Copy[]> = { file: [], http: [] };
      for (let run = 0; run < repeat; run++) {
        limits.file.push(await copyFromFile(dump, file(`bare-file-${run}.sqlite`)));
        limits.http.push(await copyOverHttp(dump, file(`bare-http-${run}.sqlite`)));
      }
      const fileLimit = summarize(limits.file.map((c) => perSecond(c.rows, c.ms))).median;
      ctx.figure('limit: NDJSON file → bare table', 'rows/s', limits.file.map((c) => perSecond(c.rows, c.ms)), { note: `${dumped.toLocaleString('en')} rows` });
      ctx.figure('limit: NDJSON over HTTP → bare table', 'rows/s', limits.http.map((c) => perSecond(c.rows, c.ms)));

      const server = await fixture.startServer();
      try {
        const syncs: InitialSync[] = [];
        for (let run = 0; run < repeat; run++) {
          ctx.log(`initial sync ${run + 1} of ${repeat}`);
          syncs.push(await syncInChild(server.url, file(`replica-${run}.sqlite`), syncMinutes * 60_000));
        }
        const unfinished = syncs.find((s) => !s.finished);
        const stopped = unfinished && `stopped after ${syncMinutes} min at ${unfinished.rows.toLocaleString('en')} of ${unfinished.total.toLocaleString('en')} rows: the rate so far`;
        const rate = syncs.map((s) => perSecond(s.rows, s.totalMs));
        ctx.figure(ORBIT_INITIAL_SYNC, 'rows/s', rate, { note: stopped || `${(syncs[0]?.total ?? 0).toLocaleString('en')} rows as admin, until caught up: the download, then the secondary and search indexes built` });
        // The bare table has no index to build: the like-for-like part of Orbit's sync is its download.
        const downloads = syncs.flatMap((s) => (s.downloadedMs === null ? [] : [perSecond(s.total, s.downloadedMs)]));
        if (downloads.length) ctx.figure('  rows/s of the download alone', 'rows/s', downloads, { note: 'every row written, before the secondary and search indexes are built' });
        else ctx.skipped('  rows/s of the download alone', `the download did not finish within ${syncMinutes} min`);
        ctx.figure('  time to first ticket page', 's', syncs.flatMap((s) => seconds(s.firstPageMs)));
        const usable = syncs.flatMap((s) => seconds(s.usableMs));
        if (usable.length) ctx.figure('  time until usable (open work in)', 's', usable, { note: 'open tickets, their customers and threads; history still loading' });
        else ctx.skipped('  time until usable (open work in)', `not reached within ${syncMinutes} min`);
        if (!unfinished) ctx.figure('  total time', 's', syncs.map((s) => s.totalMs / 1000));
        else ctx.skipped('  total time', `over ${syncMinutes} min`);
        ctx.figure('  whole sync, of the bare-insert limit', '%', (100 * summarize(rate).median) / fileLimit);
        if (downloads.length) ctx.figure('  download, of the bare-insert limit', '%', (100 * summarize(downloads).median) / fileLimit, { budget: BUDGETS.initialSyncOfLimit });
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
