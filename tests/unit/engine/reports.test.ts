import { describe, expect, it } from 'vitest';
import { aggregateQuery } from '../../../electron/engine/reports/aggregate.ts';
import { dashboard } from '../../../electron/engine/reports/dashboard.ts';
import { drillDown } from '../../../electron/engine/reports/drill-down.ts';
import { METRIC_SQL } from '../../../electron/engine/reports/metric-sql.ts';
import { bucketsOf, periodOfRange } from '../../../electron/engine/reports/period.ts';
import { runReport } from '../../../electron/engine/reports/run-report.ts';
import { procedures } from '../../../shared/ipc/contract.ts';
import type { Ticket } from '../../../shared/model/index.ts';
import { MAX_REPORT_KEYS, ReportMetric, STOCK_DASHBOARD, type ReportDefinition, type ReportFilter, type ReportRange } from '../../../shared/reports/index.ts';
import { account, agentAlex, agentBea, contact, TEAM_A, TEAM_B, teamA, teamB, ticket } from '../shared/fixtures.ts';
import { StatementCache } from '../../../electron/engine/replica/statement-cache.ts';
import { freshReplicas, queryReplica, type Row } from './support.ts';

/** The clock of every report here: after the fixture week, so ticket 3's first response is overdue and ticket 4's is not. */
const NOW = Date.parse('2026-11-10T12:00:00.000Z');
const id = (n: number) => `0195f0a0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const sat = (csat: number | null, ces: number | null, nps: number | null, ratedAt: string) => ({ csat, ces, nps, comment: null, ratedAt });

/**
 * A week (Mon 2 – Sun 8 November 2026, UTC) of tickets chosen for hand-computed answers: answered
 * in and out of time, unanswered and overdue, unanswered not yet due, merged, reopened, rated with
 * and without CSAT, and tickets before and after the week.
 */
const tickets: Ticket[] = [
  ticket({ id: id(1), status: 'solved', channel: 'email', priority: 'urgent', teamId: TEAM_A, assigneeId: agentAlex.id, accountId: account.id, tags: ['billing', 'vip'],
    createdAt: '2026-11-02T09:00:00.000Z', firstResponseAt: '2026-11-02T09:30:00.000Z', firstResponseDueAt: '2026-11-02T10:00:00.000Z',
    solvedAt: '2026-11-02T13:00:00.000Z', resolutionDueAt: '2026-11-03T09:00:00.000Z', replyCount: 1, satisfaction: sat(5, 6, 10, '2026-11-03T10:00:00.000Z') }),
  ticket({ id: id(2), status: 'closed', channel: 'chat', priority: 'high', teamId: TEAM_A, assigneeId: agentBea.id, tags: ['billing'],
    createdAt: '2026-11-02T10:00:00.000Z', firstResponseAt: '2026-11-02T11:30:00.000Z', firstResponseDueAt: '2026-11-02T11:00:00.000Z',
    solvedAt: '2026-11-04T10:00:00.000Z', resolutionDueAt: '2026-11-03T10:00:00.000Z', replyCount: 3, reopenCount: 1, satisfaction: sat(2, null, 5, '2026-11-04T12:00:00.000Z') }),
  ticket({ id: id(3), status: 'open', channel: 'email', teamId: TEAM_B, createdAt: '2026-11-03T08:00:00.000Z', firstResponseDueAt: '2026-11-03T09:00:00.000Z' }),
  ticket({ id: id(4), status: 'new', channel: 'email', teamId: TEAM_A, createdAt: '2026-11-03T12:00:00.000Z', firstResponseDueAt: '2026-11-20T12:00:00.000Z' }),
  ticket({ id: id(5), status: 'closed', channel: 'phone', priority: 'low', teamId: TEAM_A, mergedIntoId: id(1), createdAt: '2026-11-04T09:00:00.000Z',
    firstResponseAt: '2026-11-04T09:10:00.000Z', firstResponseDueAt: '2026-11-04T10:00:00.000Z', solvedAt: '2026-11-04T11:00:00.000Z', satisfaction: sat(1, 1, 0, '2026-11-05T09:00:00.000Z') }),
  ticket({ id: id(6), status: 'solved', channel: 'web', teamId: TEAM_B, assigneeId: agentAlex.id, createdAt: '2026-11-05T09:00:00.000Z', firstResponseAt: '2026-11-05T09:20:00.000Z',
    solvedAt: '2026-11-06T09:00:00.000Z', satisfaction: sat(null, 3, 9, '2026-11-06T10:00:00.000Z') }),
  ticket({ id: id(7), status: 'solved', channel: 'email', teamId: TEAM_A, assigneeId: agentAlex.id, createdAt: '2026-10-30T09:00:00.000Z', firstResponseAt: '2026-10-30T10:00:00.000Z',
    solvedAt: '2026-11-07T09:00:00.000Z', resolutionDueAt: '2026-11-08T09:00:00.000Z', replyCount: 1, reopenCount: 2 }),
  ticket({ id: id(8), status: 'pending', channel: 'email', teamId: TEAM_A, assigneeId: agentBea.id, createdAt: '2026-10-25T09:00:00.000Z' }),
  ticket({ id: id(9), status: 'open', channel: 'email', teamId: TEAM_A, createdAt: '2026-11-09T09:00:00.000Z' }),
  ticket({ id: id(10), status: 'solved', channel: 'email', teamId: TEAM_A, createdAt: '2026-10-20T09:00:00.000Z', solvedAt: '2026-10-28T09:00:00.000Z' }),
  // Sunday 25 October, 23:30 UTC: still the 25th in UTC, already Monday the 26th in Berlin
  ticket({ id: id(11), status: 'solved', channel: 'email', teamId: TEAM_A, createdAt: '2026-10-25T23:30:00.000Z', solvedAt: '2026-10-26T10:00:00.000Z' }),
  // December: more products than a report shows
  ...Array.from({ length: MAX_REPORT_KEYS + 2 }, (_, i) =>
    ticket({ id: id(100 + i), status: 'solved', product: `Product ${String(i).padStart(2, '0')}`, createdAt: `2026-12-0${1 + (i % 3)}T09:00:00.000Z`, solvedAt: '2026-12-05T09:00:00.000Z' }),
  ),
  // two tickets of Product 00, so it comes first
  ticket({ id: id(200), status: 'solved', product: 'Product 00', createdAt: '2026-12-01T10:00:00.000Z', solvedAt: '2026-12-05T09:00:00.000Z' }),
];

const db = queryReplica(() => [
  { kind: 'team', row: teamA },
  { kind: 'team', row: teamB },
  { kind: 'agent', row: agentAlex },
  { kind: 'agent', row: agentBea },
  { kind: 'contact', row: contact },
  { kind: 'account', row: account },
  ...tickets.map((row): Row => ({ kind: 'ticket', row })),
]);

const WEEK: ReportRange = { from: '2026-11-02', to: '2026-11-08' };
type Def = Pick<ReportDefinition, 'metric' | 'groupBy' | 'range' | 'filter'>;
const def = (metric: ReportMetric, groupBy: ReportDefinition['groupBy'] = [], filter: ReportFilter = {}, range: ReportRange = WEEK): Def => ({ metric, groupBy, range, filter });
const run = (d: Def, timeZone = 'UTC', compare = false) => procedures['reports.run'].output.parse(runReport(db.sql, d, { timeZone, compare, now: NOW }));
const drill = (d: Def, keys: { id: string | null; label: string }[], timeZone = 'UTC') =>
  procedures['reports.tickets'].output.parse(drillDown(db.sql, { definition: d, timeZone, keys, limit: 500 }, NOW));
const ids = (list: { id: string }[]) => list.map((t) => t.id).sort();
const rowsOf = (r: ReturnType<typeof run>) => r.rows.map((row) => [...row.keys.map((k) => k.label), row.value, row.sample]);

describe('report metrics over the fixture week, by hand', () => {
  const cases: [ReportMetric, number | null, number, string][] = [
    ['created', 6, 6, 'tickets 1–6, the merged one included'],
    ['solved', 4, 4, 'tickets 1, 2, 6 and 7 (solved in the week, created before it too); not the merged one'],
    ['backlog', 3, 3, 'tickets 3, 4 and 8 at the end of Sunday; not 9 (created after)'],
    ['first_response_time', 30, 3, 'median of 30, 90 and 20 minutes; not the unanswered or the merged'],
    ['resolution_time', 2160, 4, 'median of 240, 2880, 1440 and 11520 minutes'],
    ['first_contact_resolution', 50, 4, 'tickets 1 and 6 of four solved; 2 had three replies, 7 was reopened'],
    ['reopen_rate', 50, 4, 'tickets 2 and 7 of four solved'],
    ['csat', 50, 2, 'one 5 and one 2; ticket 6 answered without CSAT, the merged one is out'],
    ['nps', 33.333, 3, 'promoters 10 and 9, detractor 5: (2 − 1) / 3'],
    ['ces', 4.5, 2, 'efforts 6 and 3'],
    ['sla_first_response', 33.333, 3, 'met by 1; missed by 2 and by 3 (unanswered, overdue); 4 is not due yet'],
    ['sla_resolution', 66.667, 3, 'met by 1 and 7, missed by 2; 6 had no target'],
  ];
  for (const [metric, value, sample, why] of cases) {
    it(`${metric}: ${why}`, () => {
      expect(run(def(metric)).total).toEqual({ value, sample });
      expect(drill(def(metric), []).total).toBe(sample);
    });
  }

  it('drill-down lists the very tickets behind a value, newest first', () => {
    const { tickets: list, total } = drill(def('backlog'), []);
    expect(total).toBe(3);
    expect(list.map((t) => t.id)).toEqual([id(4), id(3), id(8)]);
    expect(ids(drill(def('solved'), []).tickets)).toEqual([id(1), id(2), id(6), id(7)]);
    expect(list[0]?.requesterName).toBe(contact.name);
  });

  it('an empty period reads 0 for counts and nothing for the rest', () => {
    const empty: ReportRange = { from: '2025-01-01', to: '2025-01-07' };
    expect(run(def('created', [], {}, empty)).total).toEqual({ value: 0, sample: 0 });
    expect(run(def('first_response_time', [], {}, empty)).total).toEqual({ value: null, sample: 0 });
  });

  it('compares with the period of the same length just before', () => {
    expect(run(def('created'), 'UTC', true).previous).toEqual({ value: 1, sample: 1 }); // ticket 7 (ticket 11 is the 25th in UTC)
    expect(run(def('solved'), 'UTC', true).previous).toEqual({ value: 2, sample: 2 }); // tickets 10 and 11
    expect(run(def('backlog'), 'UTC', true).previous).toEqual({ value: 2, sample: 2 }); // tickets 7 and 8 at the end of 1 November
  });

  it('the last N days end today in the agent time zone', () => {
    const r = runReport(db.sql, def('created', [], {}, { lastDays: 7 }), { timeZone: 'UTC', compare: false, now: Date.parse('2026-11-08T23:00:00.000Z') });
    expect([r.from, r.to, r.total.value]).toEqual(['2026-11-02T00:00:00.000Z', '2026-11-09T00:00:00.000Z', 6]);
    // 23:00 UTC on the 8th is already the 9th in Berlin
    const berlin = runReport(db.sql, def('created', [], {}, { lastDays: 7 }), { timeZone: 'Europe/Berlin', compare: false, now: Date.parse('2026-11-08T23:00:00.000Z') });
    expect([berlin.from, berlin.to]).toEqual(['2026-11-02T23:00:00.000Z', '2026-11-09T23:00:00.000Z']);
  });
});

describe('report splits', () => {
  it('the backlog at the end of each day, carried across the week', () => {
    const r = run(def('backlog', ['day']));
    expect(rowsOf(r)).toEqual([
      ['Nov 2', 3, 3],
      ['Nov 3', 5, 5],
      ['Nov 4', 4, 4],
      ['Nov 5', 5, 5],
      ['Nov 6', 4, 4],
      ['Nov 7', 3, 3],
      ['Nov 8', 3, 3],
    ]);
    expect(r.total).toEqual({ value: 3, sample: 3 });
  });

  it('days with nothing are there, empty', () => {
    expect(rowsOf(run(def('solved', ['day'])))).toEqual([
      ['Nov 2', 1, 1],
      ['Nov 3', 0, 0],
      ['Nov 4', 1, 1],
      ['Nov 5', 0, 0],
      ['Nov 6', 1, 1],
      ['Nov 7', 1, 1],
      ['Nov 8', 0, 0],
    ]);
    expect(rowsOf(run(def('first_response_time', ['day']))).slice(0, 3)).toEqual([
      ['Nov 2', 60, 2],
      ['Nov 3', null, 0],
      ['Nov 4', null, 0],
    ]);
  });

  it('categories are labelled from the replica and ordered by sample', () => {
    expect(rowsOf(run(def('created', ['channel'])))).toEqual([
      ['Email', 3, 3],
      ['Chat', 1, 1],
      ['Phone', 1, 1],
      ['Web', 1, 1],
    ]);
    expect(rowsOf(run(def('created', ['team'])))).toEqual([
      ['Frontline', 4, 4],
      ['Billing', 2, 2],
    ]);
    expect(rowsOf(run(def('backlog', ['assignee'])))).toEqual([
      ['Unassigned', 2, 2],
      ['Bea', 1, 1],
    ]);
    expect(rowsOf(run(def('created', ['account'])))).toEqual([
      ['No account', 5, 5],
      ['Acme', 1, 1],
    ]);
    expect(rowsOf(run(def('created', ['plan'])))).toEqual([
      ['No account', 5, 5],
      ['Pro', 1, 1],
    ]);
  });

  it('a ticket counts once per tag, and once in the total', () => {
    const r = run(def('created', ['tag']));
    expect(rowsOf(r)).toEqual([
      ['No tag', 4, 4],
      ['billing', 2, 2],
      ['vip', 1, 1],
    ]);
    expect(r.total).toEqual({ value: 6, sample: 6 });
  });

  it('two dimensions: channel and priority; week and team', () => {
    expect(rowsOf(run(def('created', ['channel', 'priority'])))).toEqual([
      ['Email', 'Normal', 2, 2],
      ['Email', 'Urgent', 1, 1],
      ['Chat', 'High', 1, 1],
      ['Phone', 'Low', 1, 1],
      ['Web', 'Normal', 1, 1],
    ]);
    const byWeek = run(def('solved', ['week', 'team'], {}, { from: '2026-10-28', to: '2026-11-08' }));
    expect(rowsOf(byWeek)).toEqual([
      ['Week of Oct 26', 'Frontline', 1, 1],
      ['Week of Oct 26', 'Billing', 0, 0],
      ['Week of Nov 2', 'Frontline', 3, 3],
      ['Week of Nov 2', 'Billing', 1, 1],
    ]);
    expect(byWeek.rows[0]?.keys[0]?.id).toBe('2026-10-26');
    expect(rowsOf(run(def('created', ['team', 'month'], {}, { from: '2026-10-20', to: '2026-11-08' })))).toEqual([
      ['Frontline', 'October 2026', 4, 4],
      ['Frontline', 'November 2026', 4, 4],
      ['Billing', 'October 2026', 0, 0],
      ['Billing', 'November 2026', 2, 2],
    ]);
  });

  it(`at most ${MAX_REPORT_KEYS} keys per dimension, the largest first, and says so`, () => {
    const r = run(def('created', ['product'], {}, { from: '2026-12-01', to: '2026-12-07' }));
    expect(r.rows).toHaveLength(MAX_REPORT_KEYS);
    expect(r.truncated).toBe(true);
    expect(r.rows[0]).toEqual({ keys: [{ id: 'Product 00', label: 'Product 00' }], value: 2, sample: 2 });
    expect(r.total).toEqual({ value: MAX_REPORT_KEYS + 3, sample: MAX_REPORT_KEYS + 3 });
    expect(run(def('created', ['channel'])).truncated).toBe(false);
  });

  it('filters: lists are "any of", and combine with AND', () => {
    const total = (filter: ReportFilter, metric: ReportMetric = 'created') => run(def(metric, [], filter)).total.sample;
    expect(total({ teamIds: [TEAM_B] })).toBe(2);
    expect(total({ assigneeIds: ['none'] })).toBe(3);
    expect(total({ assigneeIds: ['none', agentBea.id] })).toBe(4);
    expect(total({ channels: ['email', 'web'] })).toBe(4);
    expect(total({ priorities: ['urgent', 'high'] })).toBe(2);
    expect(total({ tags: ['vip'] })).toBe(1);
    expect(total({ tags: ['billing'], channels: ['chat'] })).toBe(1);
    expect(total({ statuses: ['open', 'new'] })).toBe(2);
    expect(total({ accountIds: [account.id] })).toBe(1);
    expect(total({ teamIds: [TEAM_A] }, 'backlog')).toBe(2);
    expect(drill(def('created', [], { teamIds: [TEAM_B] }), []).total).toBe(2);
  });
});

describe('time zones', () => {
  it('Berlin days across the October change: the 25th has 25 hours', () => {
    const p = periodOfRange({ from: '2026-10-24', to: '2026-10-26' }, 'Europe/Berlin', NOW);
    expect(bucketsOf(p, 'day').map((b) => [b.id, new Date(b.start).toISOString(), (b.end - b.start) / 3_600_000])).toEqual([
      ['2026-10-24', '2026-10-23T22:00:00.000Z', 24],
      ['2026-10-25', '2026-10-24T22:00:00.000Z', 25],
      ['2026-10-26', '2026-10-25T23:00:00.000Z', 24],
    ]);
  });

  it('New York days across the November change, and ISO weeks starting Monday', () => {
    const p = periodOfRange({ from: '2026-10-31', to: '2026-11-02' }, 'America/New_York', NOW);
    expect(bucketsOf(p, 'day').map((b) => [b.id, new Date(b.start).toISOString(), (b.end - b.start) / 3_600_000])).toEqual([
      ['2026-10-31', '2026-10-31T04:00:00.000Z', 24],
      ['2026-11-01', '2026-11-01T04:00:00.000Z', 25],
      ['2026-11-02', '2026-11-02T05:00:00.000Z', 24],
    ]);
    expect(bucketsOf(p, 'week').map((b) => b.id)).toEqual(['2026-10-26', '2026-11-02']);
  });

  it('a ticket falls on the day of the agent time zone', () => {
    const range = { from: '2026-10-25', to: '2026-10-26' };
    // ticket 8 (09:00 UTC on the 25th) and ticket 11 (23:30 UTC on the 25th)
    expect(rowsOf(run(def('created', ['day'], {}, range), 'UTC'))).toEqual([
      ['Oct 25', 2, 2],
      ['Oct 26', 0, 0],
    ]);
    expect(rowsOf(run(def('created', ['day'], {}, range), 'Europe/Berlin'))).toEqual([
      ['Oct 25', 1, 1],
      ['Oct 26', 1, 1],
    ]);
    expect(drill(def('created', ['day'], {}, range), [{ id: '2026-10-26', label: 'Oct 26' }], 'Europe/Berlin').tickets.map((t) => t.id)).toEqual([id(11)]);
  });
});

describe('drill-down', () => {
  const splits: ReportDefinition['groupBy'][] = [['day'], ['team'], ['channel', 'priority'], ['week', 'assignee']];
  for (const metric of ReportMetric.options) {
    it(`${metric}: each value's tickets number its sample`, () => {
      for (const groupBy of splits) {
        const d = def(metric, groupBy, {}, { from: '2026-10-28', to: '2026-11-08' });
        const r = run(d);
        expect(drill(d, []).total).toBe(r.total.sample);
        for (const row of r.rows) expect([row.keys, drill(d, row.keys).total]).toEqual([row.keys, row.sample]);
      }
    });
  }
});

describe('dashboard', () => {
  it('answers every stock widget, KPI tiles with the period before', () => {
    const { widgets } = procedures['reports.dashboard'].output.parse(dashboard(db.sql, { range: WEEK, filter: {}, timeZone: 'UTC' }, NOW));
    expect(widgets.map((w) => w.id)).toEqual(STOCK_DASHBOARD.map((w) => w.id));
    for (const w of widgets) {
      if (!('result' in w)) throw new Error(`${w.id}: ${w.error}`);
      const kpi = STOCK_DASHBOARD.find((s) => s.id === w.id)?.report.chart === 'number';
      expect(w.result.previous !== null).toBe(kpi);
    }
    const created = widgets.find((w) => w.id === 'kpi-created');
    expect(created && 'result' in created && created.result.total.value).toBe(6);
  });

  it('one broken widget answers its error and the others still answer', () => {
    const broken = { id: 'broken', title: 'Broken', report: { metric: 'created' as const, groupBy: ['nonsense' as 'team'], chart: 'bar' as const } };
    const { widgets } = dashboard(db.sql, { range: WEEK, filter: {}, timeZone: 'UTC' }, NOW, [STOCK_DASHBOARD[0]!, broken, STOCK_DASHBOARD[1]!]);
    expect(widgets.map((w) => [w.id, 'error' in w])).toEqual([
      ['kpi-created', false],
      ['broken', true],
      ['kpi-solved', false],
    ]);
  });
});

describe('query plans', () => {
  // What the stock dashboard splits each anchor by: creation by channel, team, or channel and priority; the rest by time only.
  const splits = { created_at: [[], ['channel'], ['team'], ['channel', 'priority']], solved_at: [[]], rated_at: [[]] } as const;
  for (const [metric, m] of Object.entries(METRIC_SQL)) {
    it(`${metric}: one covering index range per bucket, never the wide rows, for the stock dashboard's splits`, () => {
      for (const categories of splits[m.anchor]) {
        const q = aggregateQuery(m, categories, {}, NOW);
        const plan = db.plan({ sql: q.sql, params: ['2026-11-02T00:00:00.000Z', '2026-11-03T00:00:00.000Z', ...q.params] }).join(' | ');
        expect(plan).toMatch(new RegExp(`SEARCH t USING COVERING INDEX \\w+ \\(${m.anchor}>\\? AND ${m.anchor}<\\?\\)`));
      }
    });
  }
});

describe('report facts on every write', () => {
  const open = freshReplicas();
  it('a ticket solved, reopened, rated, merged or removed (apply, rebase and eviction all write through the entity store) moves in the reports at once', async () => {
    const replica = await open();
    const sql = new StatementCache(replica.db);
    const totals = () =>
      Object.fromEntries((['created', 'solved', 'backlog', 'csat', 'resolution_time'] as const).map((m) => [m, runReport(sql, def(m), { timeZone: 'UTC', compare: false, now: NOW }).total]));
    const base = ticket({ id: id(1), status: 'open', createdAt: '2026-11-02T09:00:00.000Z' });
    const write = (t: Ticket) => replica.writer.transaction(() => replica.store.put('ticket', t));
    await write(base);
    expect(totals()).toMatchObject({ created: { value: 1 }, solved: { value: 0 }, backlog: { value: 1 }, csat: { sample: 0 } });
    await write({ ...base, status: 'solved', solvedAt: '2026-11-03T09:00:00.000Z', satisfaction: sat(5, null, null, '2026-11-03T12:00:00.000Z') });
    expect(totals()).toMatchObject({ solved: { value: 1 }, backlog: { value: 0 }, csat: { value: 100, sample: 1 }, resolution_time: { value: 1440 } });
    await write({ ...base, status: 'open', reopenCount: 1, satisfaction: sat(5, null, null, '2026-11-03T12:00:00.000Z') });
    expect(totals()).toMatchObject({ solved: { value: 0 }, backlog: { value: 1 } });
    await write({ ...base, status: 'closed', mergedIntoId: id(2), solvedAt: '2026-11-04T09:00:00.000Z', satisfaction: sat(5, null, null, '2026-11-03T12:00:00.000Z') });
    expect(totals()).toMatchObject({ created: { value: 1 }, solved: { value: 0 }, backlog: { value: 0 }, csat: { sample: 0 } });
    await replica.writer.transaction(() => replica.store.delete('ticket', base.id));
    expect(totals()).toMatchObject({ created: { value: 0 }, backlog: { value: 0 } });
  });
});
