import { describe, expect, it } from 'vitest';
import { builtinPlan, builtinViews, planCount, planCountQuery, type QueueEnv } from '../../../electron/engine/queries/queue.ts';
import { savedViewPlan } from '../../../electron/engine/queries/view-filter.ts';
import { buildQueueCounts, queueCountsLive, suspendQueueCounts } from '../../../electron/engine/replica/queue-counts.ts';
import type { Replica } from '../../../electron/engine/replica/replica.ts';
import { StatementCache } from '../../../electron/engine/replica/statement-cache.ts';
import { rebase } from '../../../electron/engine/sync/rebase.ts';
import { idsOnlyIn } from '../../../electron/engine/sync/scope-rows.ts';
import { applySnapshotRows } from '../../../electron/engine/sync/server-rows.ts';
import { createRandom, type Random } from '../../../server/demo/prng.ts';
import type { Agent, Priority, Ticket, TicketStatus, ViewFilter } from '../../../shared/model/index.ts';
import { ticketAssign, ticketSetPriority, ticketSetStatus, ticketSetTeam, type Mutator } from '../../../shared/mutators/index.ts';
import { teamScope, userScope } from '../../../shared/sync/scopes.ts';
import type { Change } from '../../../shared/sync/protocol.ts';
import { agentAlex, agentBea, leadLena, T0, TEAM_A, TEAM_B, ticket } from '../shared/fixtures.ts';
import { baseRows, freshReplicas, putRows } from './support.ts';

/**
 * The kept queue counts (replica/queue-counts.ts) against COUNT(*) after seeded random sequences
 * of the write paths a replica sees: server pages applied under pending work (rebase undo and
 * replay), local mutations, scope eviction, re-bootstrap (counts suspended, rows loaded, counts
 * built in chunks while other writes go in between) and a wipe.
 */
const openReplica = freshReplicas();
const TEAM_C = '0195f0a0-0000-7000-8000-00000000000c';
const TEAMS = [TEAM_A, TEAM_B, TEAM_C, null];
const AGENTS = [agentAlex.id, agentBea.id, leadLena.id, null];
const STATUSES: TicketStatus[] = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'];
const PRIORITIES: Priority[] = ['low', 'normal', 'high', 'urgent'];
const env: QueueEnv = { now: Date.parse('2026-11-15T12:00:00.000Z'), atRiskMinutes: 60 };
const VIEWERS: Agent[] = [{ ...agentAlex, teamIds: [TEAM_A, TEAM_B] }, agentBea, { ...leadLena, teamIds: [] }];
const FILTERS: ViewFilter[] = [{ statuses: ['open', 'pending'], priorities: ['urgent'] }, { teamIds: ['mine', 'none'], assigneeIds: ['me', 'none'] }, {}];

const ids = Array.from({ length: 60 }, (_, i) => `0195f0a0-0000-7000-8000-${String(1000 + i).padStart(12, '0')}`);

function randomTicket(random: Random, id: string): Ticket {
  return ticket({
    id,
    number: random.int(1, 10_000),
    status: random.pick(STATUSES),
    priority: random.pick(PRIORITIES),
    teamId: random.pick(TEAMS),
    assigneeId: random.pick(AGENTS),
    updatedAt: new Date(env.now - random.int(0, 72) * 3_600_000).toISOString(),
  });
}

/** The kept counts, and what COUNT(*) over the tickets says they must be. */
function keptAndCounted(replica: Replica) {
  const cols = 'team_id, assignee_id, status, unsolved, priority_rank';
  return {
    kept: replica.db.prepare(`SELECT ${cols}, n FROM _queue_counts ORDER BY ${cols}`).all(),
    counted: replica.db.prepare(`SELECT ${cols}, count(*) AS n FROM tickets GROUP BY ${cols} ORDER BY ${cols}`).all(),
  };
}

function expectRight(replica: Replica, step: string) {
  expect(queueCountsLive(replica.db), step).toBe(true);
  const { kept, counted } = keptAndCounted(replica);
  expect(kept, step).toEqual(counted);
  // And every view answered from them equals its COUNT(*) over the tickets.
  const sql = new StatementCache(replica.db);
  for (const viewer of VIEWERS) {
    const plans = [...builtinViews.map((v) => builtinPlan(v, viewer, env)), ...FILTERS.map((filter) => savedViewPlan({ filter, sort: { field: 'updatedAt', direction: 'desc' } }, viewer, env))];
    for (const plan of plans) expect(planCount(sql, plan).n, `${step}: ${JSON.stringify(plan.ranges)}`).toBe(sql.get1<{ n: number }>(planCountQuery(plan, false))?.n);
  }
}

async function randomHistory(seed: number) {
  const random = createRandom(seed);
  const replica = await openReplica();
  await putRows(replica, baseRows);
  let seq = 0;
  let mutationId = 0;
  const stored = () => replica.db.prepare<[], string>('SELECT id FROM tickets').pluck().all();
  const serverPage = (size: number): Change[] =>
    Array.from({ length: size }, () => {
      const id = random.pick(ids);
      return random.chance(0.2) ? { seq: ++seq, kind: 'ticket', id, op: 'del', data: null } : { seq: ++seq, kind: 'ticket', id, op: 'put', data: randomTicket(random, id) };
    });
  const pull = (changes: Change[], acknowledged: number) => replica.writer.transaction(() => rebase(replica, { changes, lastMutationId: acknowledged, cursor: { epoch: 'e1', seq } }));
  const local = async () => {
    const present = stored();
    if (present.length === 0) return;
    const ticketId = random.pick(present);
    const [mutator, args]: [Mutator, unknown] = random.pick([
      [ticketSetStatus, { ticketId, status: random.pick(STATUSES) }],
      [ticketAssign, { ticketId, assigneeId: random.pick(AGENTS) }],
      [ticketSetPriority, { ticketId, priority: random.pick(PRIORITIES) }],
      [ticketSetTeam, { ticketId, teamId: random.pick([TEAM_A, TEAM_B, TEAM_C]) }],
    ] as [Mutator, unknown][]);
    try {
      await replica.writer.transaction(() => replica.outbox.record(mutator, args, { actorId: leadLena.id, role: 'admin', now: T0 }));
      mutationId++;
    } catch {
      // A change the rules refuse is not recorded: nothing to count.
    }
  };
  const evict = () =>
    replica.writer.transaction(() => {
      const lost = [teamScope(random.pick([TEAM_A, TEAM_B, TEAM_C]))];
      replica.serverRows.removeAll((kind) => (kind === 'ticket' ? idsOnlyIn(kind, lost, [userScope(agentAlex.id)]) : null));
    });
  const rebootstrap = async () => {
    await replica.writer.transaction(() => {
      suspendQueueCounts(replica.db);
      replica.serverRows.removeKind('ticket');
      applySnapshotRows(replica.serverRows, 'ticket', ids.filter(() => random.chance(0.7)).map((id) => randomTicket(random, id)), ids.map(() => ++seq));
    });
    expect(queueCountsLive(replica.db)).toBe(false);
    // Writes queued while the counts are built go in between its transactions, on either side of its position.
    const build = buildQueueCounts(replica.db, replica.writer, { chunkRows: 7, transactionMs: 0 });
    const meanwhile = [pull(serverPage(5), 0), local(), pull(serverPage(5), 0)];
    await Promise.all([build, ...meanwhile]);
  };

  for (let step = 0; step < 60; step++) {
    const what = random.weighted([
      ['pull', 5],
      ['local', 4],
      ['pull+ack', 2],
      ['evict', 1],
      ['rebootstrap', 1],
    ] as const);
    if (what === 'pull') await pull(serverPage(random.int(1, 8)), 0);
    else if (what === 'local') await local();
    else if (what === 'pull+ack') await pull(serverPage(random.int(0, 4)), random.int(0, mutationId));
    else if (what === 'evict') await evict();
    else await rebootstrap();
    expectRight(replica, `seed ${seed} step ${step} (${what})`);
  }
  // The history did go through local changes undone and replayed under server pages.
  expect(mutationId, 'local changes recorded').toBeGreaterThan(3);
  // Wipe: the outbox must be empty first.
  await pull([], mutationId);
  await replica.wipe();
  expectRight(replica, `seed ${seed} after the wipe`);
  expect(keptAndCounted(replica).kept).toEqual([]);
  await putRows(replica, ids.slice(0, 5).map((id) => ({ kind: 'ticket' as const, row: randomTicket(random, id) })));
  expectRight(replica, `seed ${seed} after the wipe and new rows`);
  return replica;
}

describe('kept queue counts', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`equal COUNT(*) after a random history of applies, rebases, evictions, re-bootstraps and a wipe (seed ${seed})`, async () => {
      await randomHistory(seed);
    });
  }

  it('are not used while they are built: views count the tickets, up to the bound', async () => {
    const replica = await openReplica();
    const random = createRandom(9);
    await putRows(replica, ids.map((id) => ({ kind: 'ticket' as const, row: randomTicket(random, id) })));
    await replica.writer.transaction(() => suspendQueueCounts(replica.db));
    const sql = new StatementCache(replica.db);
    const all = builtinPlan('all', agentAlex, env);
    expect(planCount(sql, all)).toEqual({ n: ids.length, capped: false });
    await buildQueueCounts(replica.db, replica.writer);
    expect(queueCountsLive(replica.db)).toBe(true);
    expect(planCount(sql, all)).toEqual({ n: ids.length, capped: false });
  });
});
