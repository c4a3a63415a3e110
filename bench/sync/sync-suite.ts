import { DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL } from '../../server/demo/credentials.ts';
import { FaultProxy } from '../../tests/integration/sim/fault-proxy.ts';
import { BUDGETS } from '../harness/budgets.ts';
import { withScratch } from '../harness/scratch.ts';
import type { Suite, SuiteContext } from '../harness/suite.ts';
import { changeOffline, reconnectAndSync, type Reconnect } from './offline-work.ts';
import { propagations } from './propagation.ts';
import { rebaseTimes } from './rebase-run.ts';
import { RemoteWriter } from './remote-writer.ts';
import { Workstation } from './workstation.ts';

/** Two more agents of the demo's first team (bench/data/directory.ts keeps group 0's log-ins as they are). */
export const PRIYA = 'priya@orbit.demo';
const MARCUS = 'marcus@orbit.demo';

/**
 * Agents of one team on their own replicas (engines in workers) against a real server: A→B
 * propagation over realtime, draining offline work, catching up with remote changes, and the
 * engine's rebase under pending mutations.
 */
export const syncSuite: Suite = {
  name: 'sync',
  async run(ctx: SuiteContext) {
    const fixture = await ctx.fixture();
    const { repeat, samples, offlineMutations, remoteChanges } = ctx.options;
    const [offline, remote] = [offlineMutations, remoteChanges].map((n) => n.toLocaleString('en'));
    const server = await fixture.startServer();
    const opened: { close(): Promise<void> }[] = [server];
    try {
      await withScratch(async (file) => {
        const a = await Workstation.open(file('a.sqlite'));
        const b = await Workstation.open(file('b.sqlite'));
        opened.push(a, b);
        ctx.log('signing in two agents of one team');
        await a.signIn(server.url, DEMO_AGENT_EMAIL);
        await b.signIn(server.url, PRIYA);
        const tickets = (await a.desk.invoke('queue.page', { view: 'team', after: null, limit: 500 })).rows.map((r) => r.id);
        if (tickets.length === 0) throw new Error('The team has no open tickets to change.');

        await ctx.attempt('A→B propagation over realtime', async () => {
          await b.until((s) => s.online);
          const runs = Math.max(20, Math.round(samples / 5));
          ctx.figure('A→B propagation over realtime', 'ms', await propagations(a, b, tickets, runs), {
            budget: BUDGETS.propagation,
            note: "from A's ticket.setPriority call until B's ticket.get shows it",
          });
        });

        const link = await FaultProxy.start(server.url);
        opened.push(link);
        const c = await Workstation.open(file('c.sqlite'));
        opened.push(c);
        ctx.log('signing in a third agent behind a link that can be cut');
        await c.signIn(link.url, MARCUS);

        await ctx.attempt(`${offline} offline mutations drained`, async () => {
          const runs: Reconnect[] = [];
          for (let run = 0; run < repeat; run++) {
            ctx.log(`making ${offline} changes offline`);
            await changeOffline(c, link, tickets, offlineMutations);
            runs.push(await reconnectAndSync(c, link));
          }
          ctx.figure(`${offline} offline mutations drained`, 's', runs.map((r) => r.totalMs / 1000), {
            // The budget is for 10,000; a smaller smoke run has none.
            ...(offlineMutations === 10_000 && { budget: BUDGETS.drain10k }),
            note: 'from reconnect: pushed, acknowledged, their effects pulled back',
          });
          ctx.figure('  of which pushing until all acknowledged', 's', runs.map((r) => r.pushedMs / 1000));
        });

        await ctx.attempt(`catch-up after ${remote} remote changes`, async () => {
          const writer = await RemoteWriter.signIn(server.url, DEMO_LEAD_EMAIL);
          const times: number[] = [];
          for (let run = 0; run < repeat; run++) {
            link.partition(true);
            ctx.log(`committing ${remote} remote changes`);
            await writer.changePriorities(tickets, remoteChanges);
            times.push((await reconnectAndSync(c, link)).totalMs / 1000);
          }
          ctx.figure(`catch-up after ${remote} remote changes`, 's', times, { note: 'changes committed by a lead while the agent was offline' });
        });

        await c.close();
        for (const pending of [100, 1000]) {
          await ctx.attempt(`rebase with ${pending} pending`, async () => {
            const runs = Math.max(10, Math.round(samples / 10));
            const times = await rebaseTimes(file('c.sqlite'), file(`rebase-${pending}.sqlite`), fixture.agent(MARCUS).id, pending, runs);
            ctx.figure(`rebase with ${pending.toLocaleString('en')} pending mutations`, 'ms', times, { note: 'undo all, apply one server change, replay all, in one transaction' });
          });
        }
      });
    } finally {
      for (const item of opened.reverse()) await item.close().catch(() => undefined);
    }
  },
};
