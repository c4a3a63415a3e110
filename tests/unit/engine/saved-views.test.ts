import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine/engine.ts';
import { planPage, planPageQuery, planCountQuery, type QueueEnv } from '../../../electron/engine/queries/queue.ts';
import { savedViewPlan } from '../../../electron/engine/queries/view-filter.ts';
import { procedures } from '../../../shared/ipc/contract.ts';
import type { ViewListItem } from '../../../shared/ipc/features/queues.ts';
import { unwrapDeskResult } from '../../../shared/ipc/envelope.ts';
import { DEFAULT_SLA_POLICY_ID, type Agent, type Channel, type Priority, type SavedView, type Ticket, type TicketStatus, type ViewFilter, type ViewSortField } from '../../../shared/model/index.ts';
import { UNSOLVED_STATUSES } from '../../../shared/rules/status.ts';
import { account, agentAlex, agentBea, contact, leadLena, T0, TEAM_A, TEAM_B, teamA, ticket } from '../shared/fixtures.ts';
import { queryReplica, signedInReplica, tempFiles, unreachableServerUrl, type Row } from './support.ts';

const NOW = Date.parse('2026-11-15T12:00:00.000Z');
const env: QueueEnv = { now: NOW, atRiskMinutes: 60 };
const viewer: Agent = { ...agentAlex, teamIds: [TEAM_A] };
const statuses: TicketStatus[] = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'];
const priorities: Priority[] = ['low', 'normal', 'high', 'urgent'];
const channels: Channel[] = ['email', 'chat', 'phone', 'web'];
const iso = (minutesFromNow: number) => new Date(NOW + minutesFromNow * 60_000).toISOString();

/** 90 tickets varying every filtered field; numbers, deadlines and times repeat or are missing so sorts need the id and null handling. */
const tickets: Ticket[] = Array.from({ length: 90 }, (_, i) =>
  ticket({
    id: `0195f0a0-0000-7000-8000-${String(i).padStart(12, '0')}`,
    number: i % 7 === 0 ? null : 100 + (i % 30),
    subject: `Ticket ${i}`,
    status: statuses[i % 6]!,
    priority: priorities[i % 4]!,
    channel: channels[i % 4]!,
    teamId: [TEAM_A, TEAM_B, null][i % 3] ?? null,
    assigneeId: [viewer.id, agentBea.id, null, null, viewer.id][i % 5] ?? null,
    accountId: i % 2 ? account.id : null,
    product: i % 3 === 1 ? 'Exports' : null,
    tags: i % 4 === 0 ? ['vip', 'billing'] : i % 4 === 1 ? ['billing'] : [],
    resolutionDueAt: i % 5 === 0 ? null : iso((i - 45) * 10),
    createdAt: iso(-(i % 12) * 24 * 60),
    updatedAt: iso(-(i % 9) * 6 * 60),
  }),
);

const dueOf = (t: Ticket) => (UNSOLVED_STATUSES.includes(t.status) ? t.resolutionDueAt : null);
const RANK = { low: 0, normal: 1, high: 2, urgent: 3 };
const keyOf: Record<ViewSortField, (t: Ticket) => string | number | null> = {
  updatedAt: (t) => t.updatedAt,
  createdAt: (t) => t.createdAt,
  priority: (t) => RANK[t.priority],
  slaDueAt: dueOf,
  number: (t) => t.number,
};
/** The order a view promises: by key (nulls last either way), then id, both in the view's direction. */
function sorted(list: Ticket[], field: ViewSortField, direction: 'asc' | 'desc'): string[] {
  const sign = direction === 'asc' ? 1 : -1;
  return list
    .toSorted((a, b) => {
      const ka = keyOf[field](a);
      const kb = keyOf[field](b);
      if (ka === null || kb === null) return ka === kb ? sign * a.id.localeCompare(b.id) : ka === null ? 1 : -1;
      return sign * (ka < kb ? -1 : ka > kb ? 1 : a.id.localeCompare(b.id));
    })
    .map((t) => t.id);
}

const newFile = tempFiles();
const db = queryReplica(() => [
  { kind: 'agent', row: viewer },
  { kind: 'agent', row: agentBea },
  { kind: 'contact', row: contact },
  { kind: 'account', row: account },
  { kind: 'team', row: teamA },
  ...tickets.map((row): Row => ({ kind: 'ticket', row })),
]);

function walk(filter: ViewFilter, field: ViewSortField, direction: 'asc' | 'desc', limit: number) {
  const plan = savedViewPlan({ filter, sort: { field, direction } }, viewer, env);
  const ids: string[] = [];
  let after: string | null = null;
  let total: number;
  do {
    const page = procedures['queue.viewPage'].output.parse(planPage(db.sql, plan, { after, limit }));
    ids.push(...page.rows.map((r) => r.id));
    total = page.total;
    after = page.next;
  } while (after);
  return { ids, total };
}

const inMyTeams = (t: Ticket) => t.teamId === TEAM_A;
const cases: [string, ViewFilter, (t: Ticket) => boolean][] = [
  ['no filter', {}, () => true],
  ['statuses', { statuses: ['open', 'pending'] }, (t) => ['open', 'pending'].includes(t.status)],
  ['priorities', { priorities: ['urgent', 'high'] }, (t) => ['urgent', 'high'].includes(t.priority)],
  ['my teams or none', { teamIds: ['mine', 'none'] }, (t) => inMyTeams(t) || t.teamId === null],
  ['a team by id', { teamIds: [TEAM_B] }, (t) => t.teamId === TEAM_B],
  ['assignee me', { assigneeIds: ['me'] }, (t) => t.assigneeId === viewer.id],
  ['unassigned or Bea', { assigneeIds: ['none', agentBea.id] }, (t) => t.assigneeId === null || t.assigneeId === agentBea.id],
  ['tags (any of)', { tags: ['vip'] }, (t) => t.tags.includes('vip')],
  ['channels', { channels: ['chat', 'phone'] }, (t) => ['chat', 'phone'].includes(t.channel)],
  ['products', { products: ['Exports'] }, (t) => t.product === 'Exports'],
  ['accounts', { accountIds: [account.id] }, (t) => t.accountId === account.id],
  ['SLA breached', { sla: 'breached' }, (t) => dueOf(t) !== null && Date.parse(dueOf(t)!) < NOW],
  ['SLA at risk', { sla: 'at_risk' }, (t) => dueOf(t) !== null && Date.parse(dueOf(t)!) >= NOW && Date.parse(dueOf(t)!) < NOW + 3600_000],
  ['SLA ok', { sla: 'ok' }, (t) => dueOf(t) === null || Date.parse(dueOf(t)!) >= NOW + 3600_000],
  ['created in the last 3 days', { dates: [{ field: 'createdAt', withinDays: 3 }] }, (t) => Date.parse(t.createdAt) >= NOW - 3 * 86_400_000],
  [
    'combined: my unsolved low/normal tickets tagged billing, updated within a day',
    { statuses: ['new', 'open', 'pending', 'on_hold'], priorities: ['low', 'normal'], assigneeIds: ['me'], tags: ['billing'], dates: [{ field: 'updatedAt', withinDays: 1 }] },
    (t) => UNSOLVED_STATUSES.includes(t.status) && ['low', 'normal'].includes(t.priority) && t.assigneeId === viewer.id && t.tags.includes('billing') && Date.parse(t.updatedAt) >= NOW - 86_400_000,
  ],
];

describe('saved view filters', () => {
  for (const [name, filter, want] of cases) {
    it(`${name}: exactly the matching tickets, with the right total`, () => {
      const expected = sorted(tickets.filter(want), 'updatedAt', 'desc');
      expect(expected.length).toBeGreaterThan(0);
      expect(walk(filter, 'updatedAt', 'desc', 7)).toEqual({ ids: expected, total: expected.length });
    });
  }

  it('refuses a filter with an empty list, with a clear message', () => {
    expect(() => savedViewPlan({ filter: { priorities: [] }, sort: { field: 'number', direction: 'asc' } }, viewer, env)).toThrow(
      expect.objectContaining({ code: 'invalid_input', message: expect.stringContaining('priority filter has nothing picked') }),
    );
  });

  it("'mine' of an agent without teams matches no team", () => {
    const loner = { ...viewer, teamIds: [] };
    const plan = savedViewPlan({ filter: { teamIds: ['mine'] }, sort: { field: 'updatedAt', direction: 'desc' } }, loner, env);
    expect(planPage(db.sql, plan, { after: null, limit: 5 })).toEqual({ rows: [], next: null, total: 0 });
  });
});

describe('saved view sorts', () => {
  for (const field of ['updatedAt', 'createdAt', 'priority', 'slaDueAt', 'number'] as const) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`${field} ${direction}: pages of 4 never skip or repeat a ticket, nulls last`, () => {
        const filter: ViewFilter = { statuses: ['new', 'open', 'pending', 'on_hold', 'solved'] };
        const expected = sorted(tickets.filter((t) => t.status !== 'closed'), field, direction);
        const { ids, total } = walk(filter, field, direction, 4);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toEqual(expected);
        expect(total).toBe(expected.length);
      });
    }
  }
});

describe('saved view query plans', () => {
  const plan = db.plan;
  const ticketScans = (lines: string[]) => lines.filter((l) => /^SCAN (tickets|t)\b/.test(l) && !/USING (COVERING )?INDEX/.test(l));

  for (const field of ['updatedAt', 'createdAt', 'priority', 'slaDueAt', 'number'] as const) {
    it(`sorting by ${field} reads tickets through an index, first and later pages`, () => {
      for (const filter of [{}, { statuses: ['open' as const] }, { teamIds: ['mine' as const], assigneeIds: ['none' as const] }]) {
        const p = savedViewPlan({ filter, sort: { field, direction: 'desc' } }, viewer, env);
        for (const after of [null, { at: field === 'priority' ? 2 : '2026-11-10T00:00:00.000Z', id: tickets[3]!.id }]) {
          const lines = plan(planPageQuery(p, after, 50)!);
          expect(ticketScans(lines), lines.join('\n')).toEqual([]);
        }
        expect(ticketScans(plan(planCountQuery(p)))).toEqual([]);
      }
    });
  }
});

describe('views procedures', () => {
  const engineFile = newFile();
  let engine: Engine;
  const policy = {
    id: DEFAULT_SLA_POLICY_ID,
    name: 'Standard',
    timeZone: 'UTC',
    week: [[], [], [], [], [], [], []],
    holidays: [],
    targets: {},
    atRiskMinutes: 24 * 60,
    createdAt: T0,
    updatedAt: T0,
  };
  const shared: SavedView = {
    id: '0195f0a0-0000-7000-8000-0000000000b2',
    name: 'Urgent & high, unassigned',
    ownerId: leadLena.id,
    shared: true,
    filter: { priorities: ['urgent', 'high'], assigneeIds: ['none'] },
    sort: { field: 'priority', direction: 'desc' },
    columns: ['number', 'priority'],
    position: 0,
    createdAt: T0,
    updatedAt: T0,
  };
  const beasOwn: SavedView = { ...shared, id: '0195f0a0-0000-7000-8000-0000000000b3', name: "Bea's", ownerId: agentBea.id, shared: false };
  const call = async (name: string, input?: unknown) => unwrapDeskResult(await engine.invoke(name, input));

  beforeAll(async () => {
    const dueSoon = ticket({ id: '0195f0a0-0000-7000-8000-0000000000f2', status: 'open', priority: 'urgent', resolutionDueAt: new Date(Date.now() + 3600_000).toISOString() });
    const rows: Row[] = [
      { kind: 'agent', row: agentAlex },
      { kind: 'agent', row: leadLena },
      { kind: 'contact', row: contact },
      { kind: 'team', row: teamA },
      { kind: 'ticket', row: ticket() },
      { kind: 'ticket', row: dueSoon },
      { kind: 'slaPolicy', row: policy as never },
      { kind: 'view', row: shared },
      { kind: 'view', row: beasOwn },
    ];
    await signedInReplica(engineFile, await unreachableServerUrl(), { rows });
    engine = await Engine.open({ dbFile: engineFile, pollIntervalMs: 0 });
  });
  afterAll(() => engine.close());

  it('lists built-ins, shared views and my own (not other agents’ personal ones), with counts', async () => {
    const list = procedures['views.list'].output.parse(await call('views.list'));
    expect(list.map((v) => v.id)).toEqual(['mine', 'unassigned', 'team', 'pending', 'sla_at_risk', 'recent', 'all', shared.id]);
    const byId = Object.fromEntries(list.map((v) => [v.id, v])) as Record<string, ViewListItem>;
    expect(byId.all?.count).toBe(2);
    expect(byId.unassigned?.count).toBe(2);
    // The policy's window is a day: the ticket due within the hour is at risk.
    expect(byId.sla_at_risk).toMatchObject({ count: 1, name: 'SLA at risk', sort: { field: 'slaDueAt', direction: 'asc' } });
    expect(byId[shared.id]).toMatchObject({ count: 1, editable: false, shared: true, builtin: false });
  });

  it('saves a personal view offline, pages it, and deletes it', async () => {
    const { viewId } = (await call('views.save', {
      name: 'Urgent',
      shared: false,
      filter: { priorities: ['urgent'] },
      sort: { field: 'number', direction: 'asc' },
      columns: ['number', 'sla'],
    })) as { viewId: string };
    const item = ((await call('views.list')) as ViewListItem[]).find((v) => v.id === viewId);
    expect(item).toMatchObject({ name: 'Urgent', count: 1, editable: true, shared: false, saved: { ownerId: agentAlex.id, position: 1 } });
    const page = (await call('queue.viewPage', { ref: { viewId }, after: null, limit: 10 })) as { rows: { id: string; slaDueAt: string | null }[] };
    expect(page.rows.map((r) => r.id)).toEqual(['0195f0a0-0000-7000-8000-0000000000f2']);
    expect(page.rows[0]?.slaDueAt).not.toBeNull();
    // The sort menu's choice replaces the view's order; a built-in view pages the same way.
    const byNumber = (await call('queue.viewPage', { ref: { view: 'all' }, sort: { field: 'number', direction: 'desc' }, after: null, limit: 1 })) as { rows: { number: number | null }[]; next: string | null; total: number };
    expect(byNumber).toMatchObject({ rows: [{ number: 42 }], total: 2 });
    const rest = (await call('queue.viewPage', { ref: { view: 'all' }, sort: { field: 'number', direction: 'desc' }, after: byNumber.next, limit: 1 })) as { rows: { number: number | null }[]; next: string | null };
    expect(rest).toMatchObject({ rows: [{ number: 42 }], next: null });
    expect(await call('views.delete', { viewId })).toBeNull();
    expect(((await call('views.list')) as ViewListItem[]).some((v) => v.id === viewId)).toBe(false);
  });

  it('refuses to share a view for an agent, a bad filter, and an unknown or foreign view', async () => {
    const refused = await engine.invoke('views.save', { name: 'Team-wide', shared: true, filter: {}, sort: { field: 'updatedAt', direction: 'desc' }, columns: [] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rejected', message: expect.stringContaining('Only a lead or an admin') } });
    const bad = await engine.invoke('views.save', { name: 'Empty', shared: false, filter: { tags: [] }, sort: { field: 'updatedAt', direction: 'desc' }, columns: [] });
    expect(bad).toMatchObject({ ok: false, error: { message: expect.stringContaining('tag filter has nothing picked') } });
    const foreign = await engine.invoke('queue.viewPage', { ref: { viewId: beasOwn.id }, after: null, limit: 5 });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
