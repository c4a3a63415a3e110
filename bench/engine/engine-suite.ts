import { Replica } from '../../electron/engine/replica/replica.ts';
import { StatementCache } from '../../electron/engine/replica/statement-cache.ts';
import { customerPane } from '../../electron/engine/queries/customer-pane.ts';
import { queueCount, queuePage } from '../../electron/engine/queries/queue.ts';
import { ticketDetail } from '../../electron/engine/queries/ticket-detail.ts';
import { DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL, DEMO_LEAD_EMAIL } from '../../server/demo/credentials.ts';
import { createRandom } from '../../server/demo/prng.ts';
import { QueueView } from '../../shared/ipc/views.ts';
import type { Agent } from '../../shared/model/index.ts';
import { BUDGETS } from '../harness/budgets.ts';
import { sampleSync } from '../harness/stats.ts';
import type { Suite, SuiteContext } from '../harness/suite.ts';
import { reportFigures } from './report-figures.ts';
import { searchFigures } from './search-figures.ts';

/** Rows per queue page, as the renderer asks for them. */
const PAGE = 50;
/** How deep a "deep page" starts: a long scroll, or half the queue when it is shorter. */
const DEEP_ROWS = 10_000;

/** Ticket ids spread over the whole replica, the same for a seed. */
function sampleTickets(replica: Replica, count: number, seed: number): string[] {
  const max = replica.db.prepare<[], number>('SELECT max(rowid) FROM tickets').pluck().get() ?? 0;
  const byRowid = replica.db.prepare<[number], string>('SELECT id FROM tickets WHERE rowid >= ? ORDER BY rowid LIMIT 1').pluck();
  const random = createRandom(seed);
  return Array.from({ length: count }, () => byRowid.get(random.int(1, max)) as string);
}

/**
 * The engine's own queries on an admin's full replica, called as its handlers call them (no IPC):
 * a ticket with its thread and the 360° pane, every built-in queue's first and a deep page, the
 * queue counts. Queues are read as an agent and as a lead of two teams would see them.
 */
export const engineSuite: Suite = {
  name: 'engine',
  async run(ctx: SuiteContext) {
    const fixture = await ctx.fixture();
    const replica = await Replica.open(await fixture.ensureAdminReplica((m) => ctx.log(m)));
    try {
      const sql = new StatementCache(replica.db);
      const { samples } = ctx.options;
      const ids = sampleTickets(replica, samples, ctx.options.seed);

      await ctx.attempt('ticket + thread (ticket.get)', async () => {
        ctx.figure('ticket + thread (ticket.get)', 'ms', sampleSync(samples, (i) => ticketDetail(replica, sql, ids[i] as string)));
      });
      await ctx.attempt('customer pane (customer.pane)', async () => {
        ctx.figure('customer pane (customer.pane)', 'ms', sampleSync(samples, (i) => customerPane(replica, sql, ids[i] as string)));
      });
      await ctx.attempt('ticket + 360° pane', async () => {
        const both = sampleSync(samples, (i) => {
          ticketDetail(replica, sql, ids[i] as string);
          customerPane(replica, sql, ids[i] as string);
        });
        ctx.figure('ticket + 360° pane', 'ms', both, { budget: BUDGETS.ticketPane });
      });

      for (const [who, email] of [['agent', DEMO_AGENT_EMAIL], ['lead', DEMO_LEAD_EMAIL]] as const) {
        const viewer = replica.store.get('agent', fixture.agent(email).id) as Agent;
        for (const view of QueueView.options) {
          await ctx.attempt(`queue ${view} (${who}) first page`, async () => {
            const first = { view, after: null, limit: PAGE };
            ctx.figure(`queue ${view} (${who}) first page`, 'ms', sampleSync(samples, () => queuePage(sql, viewer, first)), { budget: BUDGETS.queuePage });
          });
          await ctx.attempt(`queue ${view} (${who}) deep page`, async () => {
            const total = queueCount(sql, viewer, view);
            const depth = Math.min(DEEP_ROWS, Math.floor(total / 2));
            let after: string | null = null;
            for (let seen = 0; seen < depth; seen += 500) after = queuePage(sql, viewer, { view, after, limit: Math.min(500, depth - seen) }).next;
            const deep = { view, after, limit: PAGE };
            ctx.figure(`queue ${view} (${who}) deep page`, 'ms', sampleSync(samples, () => queuePage(sql, viewer, deep)), {
              budget: BUDGETS.queuePage,
              note: `from row ${depth.toLocaleString('en')} of ${total.toLocaleString('en')}`,
            });
          });
        }
        await ctx.attempt(`queue counts (${who})`, async () => {
          ctx.figure(`queue counts (${who})`, 'ms', sampleSync(samples, () => QueueView.options.map((view) => queueCount(sql, viewer, view))), {
            note: 'all four views, as queue.counts answers them',
          });
        });
      }
      await searchFigures(ctx, replica, sql, fixture.agent(DEMO_ADMIN_EMAIL).id);
      await ctx.attempt('reports', async () => {
        reportFigures(ctx, sql);
      });
    } finally {
      await replica.close();
    }
  },
};
