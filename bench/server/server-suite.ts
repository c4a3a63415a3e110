import { setTimeout as sleep } from 'node:timers/promises';
import type { StoreLocation } from '../../server/store/dialect.ts';
import { newId } from '../../shared/ids.ts';
import { contactUpdate, messageAdd } from '../../shared/mutators/index.ts';
import type { Fixture } from '../data/fixture.ts';
import { loadStore } from '../data/server-load.ts';
import { mintSessions, openTicketsByTeam, someContact, storeHead } from '../data/server-store.ts';
import { within } from '../harness/deadline.ts';
import type { Suite, SuiteContext } from '../harness/suite.ts';
import { withPostgres } from './postgres-store.ts';
import { cpuSeconds } from './process-cpu.ts';
import { startServerProcess } from './server-process.ts';
import { SimAgent } from './sim-agent.ts';

/**
 * Many simulated agents on one real server: each holds a realtime socket (deltas, as engines get
 * them) and pushes notes to its team's tickets, one at a time without pause, for --load-seconds.
 * Then one contact change (the org scope: every agent sees it) is timed until every socket has
 * heard. On the kept SQLite store, then on PostgreSQL with the same workspace loaded.
 */
export const serverSuite: Suite = {
  name: 'server',
  async run(ctx: SuiteContext) {
    const fixture = await ctx.fixture();
    await loadAndFanOut(ctx, fixture, 'SQLite', fixture.store);
    const ran = await withPostgres(async (location) => {
      ctx.log('loading the workspace into PostgreSQL');
      await loadStore(location, fixture.workspace());
      await loadAndFanOut(ctx, fixture, 'PostgreSQL', location);
    });
    if (ran === null) ctx.skipped(`${ctx.options.agents} agents (PostgreSQL)`, 'no PostgreSQL binaries on this machine');
  },
};

async function loadAndFanOut(ctx: SuiteContext, fixture: Fixture, store: string, location: StoreLocation): Promise<void> {
  const count = ctx.options.agents;
  const roster = fixture.manifest.agents;
  const tokens = await mintSessions(location, roster.map((a) => a.id));
  const ticketsByTeam = await openTicketsByTeam(location, 200);
  const anyTeam = [...ticketsByTeam.values()].find((t) => t.length > 0) ?? [];
  const contactId = await someContact(location);
  const server = await startServerProcess(location);
  const agents: SimAgent[] = [];
  try {
    const cursor = await storeHead(location);
    for (let i = 0; i < count; i++) agents.push(await SimAgent.connect(server.url, tokens[i % tokens.length] as string, cursor));
    const ticketsOf = agents.map((_, i) => ticketsByTeam.get(roster[i % roster.length]?.teamIds[0] ?? '') ?? anyTeam);

    await ctx.attempt(`${count} agents: sustained load (${store})`, async () => {
      const latencies: number[] = [];
      const cpuBefore = { server: cpuSeconds(server.pid), clients: process.cpuUsage() };
      const started = performance.now();
      const ends = started + ctx.options.loadSeconds * 1000;
      await Promise.all(
        agents.map(async (agent, i) => {
          const tickets = ticketsOf[i] as string[];
          for (let n = 0; performance.now() < ends; n++) {
            const args = { id: newId(), ticketId: tickets[(i + n) % tickets.length] as string, kind: 'note' as const, body: `Simulated note ${n} from agent ${i}.` };
            latencies.push(await agent.push(messageAdd.name, args));
          }
        }),
      );
      // Pushes started before the end are waited for, so the load lasts a little longer than asked.
      const seconds = (performance.now() - started) / 1000;
      const share = (cpu: number) => `${Math.round((100 * cpu) / seconds)}%`;
      const clients = process.cpuUsage(cpuBefore.clients);
      const busy = agents.reduce((sum, a) => sum + a.busy, 0);
      ctx.figure(`${count} agents: sustained mutations (${store})`, 'mut/s', latencies.length / seconds, {
        note: `notes pushed one at a time per agent, no pause, ${seconds.toFixed(0)} s; CPU: server process ${share(cpuSeconds(server.pid) - cpuBefore.server)}, simulated agents ${share((clients.user + clients.system) / 1e6)} of a core; ${busy} pushes answered 503 busy and sent again after Retry-After`,
      });
      ctx.figure(`${count} agents: push latency under load (${store})`, 'ms', latencies);
    });

    await ctx.attempt(`fan-out of one change to ${count} agents (${store})`, async () => {
      await quiet(agents);
      const times: number[] = [];
      for (let run = 0; run < Math.max(5, ctx.options.repeat * 3); run++) {
        const heard = agents.map((a) => a.nextMessage());
        const started = performance.now();
        await (agents[0] as SimAgent).push(contactUpdate.name, { contactId, patch: { phone: `+1 555 010 ${String(run).padStart(4, '0')}` } });
        const last = Math.max(...(await within(60_000, 'fan-out', Promise.all(heard))));
        times.push(last - started);
      }
      ctx.figure(`fan-out of one change to all ${count} agents (${store})`, 'ms', times, { note: 'a contact change (org scope, seen by every agent) until the last socket hears of it' });
    });
  } finally {
    for (const agent of agents) agent.close();
    await server.close();
  }
}

/** Waits until no socket has heard anything for a while: the load's last deltas are out. */
async function quiet(agents: readonly SimAgent[]): Promise<void> {
  for (let before = -1, now = total(agents); before !== now; before = now, now = total(agents)) await sleep(500);
}

const total = (agents: readonly SimAgent[]) => agents.reduce((sum, a) => sum + a.received, 0);
