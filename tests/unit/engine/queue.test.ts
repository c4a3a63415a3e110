import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedures } from '../../../shared/ipc/contract.ts';
import type { QueueView } from '../../../shared/ipc/views.ts';
import type { Agent, Ticket, TicketStatus } from '../../../shared/model/index.ts';
import { ticketSetStatus } from '../../../shared/mutators/index.ts';
import { UNSOLVED_STATUSES } from '../../../shared/rules/status.ts';
import { paneSql } from '../../../electron/engine/queries/customer-pane.ts';
import { queueCount, queueCountQuery, queuePage, queuePageQuery, type QueueEnv } from '../../../electron/engine/queries/queue.ts';
import { THREAD_SQL } from '../../../electron/engine/queries/ticket-detail.ts';
import { Replica } from '../../../electron/engine/replica/replica.ts';
import { StatementCache } from '../../../electron/engine/replica/statement-cache.ts';
import { agentAlex, agentBea, contact, TEAM_A, TEAM_B, ticket } from '../shared/fixtures.ts';
import { putRows, tempFiles, type Row } from './support.ts';

const TEAM_C = '0195f0a0-0000-7000-8000-00000000000c';
/** Alex works in two teams, so team queues are a union of two index ranges. */
const viewer: Agent = { ...agentAlex, teamIds: [TEAM_A, TEAM_B] };
/** The clock of the tests, and the policy's at-risk window. */
const NOW = Date.parse('2026-11-15T12:00:00.000Z');
const env: QueueEnv = { now: NOW, atRiskMinutes: 60 };
const statuses: TicketStatus[] = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'];

/** 60 tickets over three teams, assigned or not, every status; updatedAt repeats so the id must break ties. */
const tickets: Ticket[] = Array.from({ length: 60 }, (_, i) =>
  ticket({
    id: `0195f0a0-0000-7000-8000-${String(i).padStart(12, '0')}`,
    number: i + 1,
    subject: `Ticket ${i}`,
    status: statuses[i % 6] as TicketStatus,
    teamId: [TEAM_A, TEAM_B, TEAM_C, null][i % 4] ?? null,
    assigneeId: [viewer.id, agentBea.id, null][i % 3] ?? null,
    updatedAt: `2026-11-${String(1 + (i % 20)).padStart(2, '0')}T10:00:00.000Z`,
    // Deadlines every 20 minutes around NOW (some breached, some at risk, some far); every fifth has none.
    resolutionDueAt: i % 5 === 0 ? null : new Date(NOW + (i - 40) * 20 * 60_000).toISOString(),
  }),
);

const unsolved = (t: Ticket) => UNSOLVED_STATUSES.includes(t.status);
const inMyTeams = (t: Ticket) => t.teamId !== null && viewer.teamIds.includes(t.teamId);
const expected: Record<QueueView, (t: Ticket) => boolean> = {
  all: () => true,
  mine: (t) => t.assigneeId === viewer.id && unsolved(t),
  unassigned: (t) => t.assigneeId === null && unsolved(t) && inMyTeams(t),
  team: (t) => unsolved(t) && inMyTeams(t),
  pending: (t) => t.status === 'pending' && (inMyTeams(t) || t.assigneeId === viewer.id),
  sla_at_risk: (t) => unsolved(t) && t.resolutionDueAt !== null && Date.parse(t.resolutionDueAt) < NOW + 60 * 60_000,
  recent: (t) => Date.parse(t.updatedAt) >= NOW - 24 * 3600_000,
};
const newestFirst = (a: Ticket, b: Ticket) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id);
const soonestFirst = (a: Ticket, b: Ticket) => (a.resolutionDueAt ?? '').localeCompare(b.resolutionDueAt ?? '') || a.id.localeCompare(b.id);
const orderOf = (view: QueueView) => (view === 'sla_at_risk' ? soonestFirst : newestFirst);
const ALL_VIEWS = ['mine', 'unassigned', 'team', 'pending', 'sla_at_risk', 'recent', 'all'] as const;

const newFile = tempFiles();
let replica: Replica;
let sql: StatementCache;

beforeAll(async () => {
  replica = await Replica.open(newFile());
  sql = new StatementCache(replica.db);
  const rows: Row[] = [{ kind: 'agent', row: viewer }, { kind: 'agent', row: agentBea }, { kind: 'contact', row: contact }, ...tickets.map((row): Row => ({ kind: 'ticket', row }))];
  await putRows(replica, rows);
});
afterAll(() => replica.close());

function walk(view: QueueView, limit: number) {
  const ids: string[] = [];
  let after: string | null = null;
  const totals = new Set<number>();
  do {
    const page = procedures['queue.page'].output.parse(queuePage(sql, viewer, { view, after, limit }, env));
    ids.push(...page.rows.map((r) => r.id));
    totals.add(page.total);
    after = page.next;
  } while (after);
  return { ids, totals: [...totals] };
}

describe('queue pages', () => {
  for (const view of ALL_VIEWS) {
    it(`"${view}" pages through exactly its tickets, in its order, with the right total`, () => {
      const want = tickets.filter(expected[view]).sort(orderOf(view)).map((t) => t.id);
      expect(want.length).toBeGreaterThan(3);
      const { ids, totals } = walk(view, 4);
      expect(ids).toEqual(want);
      expect(totals).toEqual([want.length]);
      expect(queueCount(sql, viewer, view, env)).toEqual({ n: want.length, capped: false });
    });
  }

  it('shows names and marks tickets with a change not yet on the server', async () => {
    const target = tickets.find(expected.mine) as Ticket;
    await replica.writer.transaction(() => replica.outbox.record(ticketSetStatus, { ticketId: target.id, status: 'on_hold' }, { actorId: viewer.id, role: 'agent', now: '2026-11-30T00:00:00.000Z' }));
    const [first] = queuePage(sql, viewer, { view: 'mine', after: null, limit: 1 }).rows;
    expect(first).toMatchObject({ id: target.id, status: 'on_hold', pendingSync: true, requesterName: contact.name, assigneeName: viewer.name, accountName: null });
    const others = queuePage(sql, viewer, { view: 'mine', after: null, limit: 50 }).rows.slice(1);
    expect(others.every((r) => !r.pendingSync)).toBe(true);
  });

  it('refuses a cursor it did not make as invalid input', () => {
    expect(() => queuePage(sql, viewer, { view: 'all', after: 'not-a-cursor', limit: 5 })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  it('answers an agent without teams with empty team queues', () => {
    const loner = { ...viewer, teamIds: [] };
    expect(queuePage(sql, loner, { view: 'team', after: null, limit: 5 })).toEqual({ rows: [], next: null, total: 0 });
  });
});

describe('query plans', () => {
  const plan = (q: { sql: string; params: unknown[] }) =>
    replica.db
      .prepare(`EXPLAIN QUERY PLAN ${q.sql}`)
      .all(...q.params)
      .map((r) => (r as { detail: string }).detail);
  /** A SCAN of a table that uses no index reads every row: that is what must never happen (the kept counts are a few rows per team and agent). */
  const fullScans = (lines: string[]) => lines.filter((l) => /^SCAN /.test(l) && !/USING (COVERING )?INDEX/.test(l) && !/^SCAN (page|\(subquery-\d+\)|CONSTANT ROW|_queue_counts)$/.test(l));
  const cursor = { at: '2026-11-10T10:00:00.000Z', id: tickets[9]!.id };

  for (const view of ALL_VIEWS) {
    for (const teams of [[TEAM_A], [TEAM_A, TEAM_B]]) {
      it(`queue "${view}" (${teams.length} team${teams.length > 1 ? 's' : ''}) reads index ranges only, first and later pages`, () => {
        const who = { ...viewer, teamIds: teams };
        for (const after of [null, cursor]) {
          const lines = plan(queuePageQuery(view, who, after, 50, env)!);
          expect(fullScans(lines)).toEqual([]);
          expect(lines.some((l) => /USING (COVERING )?INDEX tickets_by_/.test(l))).toBe(true);
          // One range comes out in index order; only a union of ranges merges (at most `limit` rows each).
          if (['mine', 'all', 'sla_at_risk', 'recent'].includes(view) || (teams.length === 1 && view !== 'pending')) expect(lines.filter((l) => l.includes('TEMP B-TREE'))).toEqual([]);
        }
        expect(fullScans(plan(queueCountQuery(view, who, env)))).toEqual([]);
      });
    }
  }

  it('the ticket thread and every customer-pane query search an index', () => {
    for (const query of [THREAD_SQL, ...Object.values(paneSql)]) {
      const lines = plan({ sql: query, params: query.split('?').slice(1).map(() => 'x') });
      expect(fullScans(lines), query).toEqual([]);
      expect(lines.filter((l) => l.includes('TEMP B-TREE')), query).toEqual([]);
      expect(lines[0], query).toMatch(/^SEARCH \w+ USING (COVERING )?INDEX (messages|tickets|contacts)_by_/);
    }
  });
});
