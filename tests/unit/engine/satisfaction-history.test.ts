import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedures } from '../../../shared/ipc/contract.ts';
import type { Satisfaction, Ticket } from '../../../shared/model/index.ts';
import { customerPane } from '../../../electron/engine/queries/customer-pane.ts';
import { satisfactionHistory, satisfactionSql, satisfactionTrend } from '../../../electron/engine/queries/satisfaction-history.ts';
import { Replica } from '../../../electron/engine/replica/replica.ts';
import { StatementCache } from '../../../electron/engine/replica/statement-cache.ts';
import { account, contact, ticket } from '../shared/fixtures.ts';
import { putRows, tempFiles, type Row } from './support.ts';

const NOW = Date.parse('2026-11-20T12:00:00.000Z');
const daysAgo = (d: number) => new Date(NOW - d * 86_400_000).toISOString();
const colleague = { ...contact, id: '0195f0a0-0000-7000-8000-0000000000c2', name: 'Cora Colleague', email: 'cora@acme.example', accountId: account.id };
const requester = { ...contact, accountId: account.id };
const loner = { ...contact, id: '0195f0a0-0000-7000-8000-0000000000c3', name: 'Lou Loner', email: 'lou@example.com', accountId: null };

const answer = (csat: number | null, ratedDaysAgo: number, extra: Partial<Satisfaction> = {}): Satisfaction => ({ csat, ces: null, nps: null, comment: null, ratedAt: daysAgo(ratedDaysAgo), ...extra });
let n = 0;
const solved = (requesterId: string, satisfaction: Satisfaction | null): Ticket =>
  ticket({ id: `0195f0a0-0000-7000-8000-${String(++n).padStart(12, '0')}`, number: 100 + n, subject: `Case ${n}`, status: 'solved', requesterId, accountId: requesterId === loner.id ? null : account.id, satisfaction });

// The requester: two recent answers (5, 2 with a hostile comment), one NPS-only answer, one 200 days ago (3); the colleague: 4 recent, 1 and 1 in the period before.
const tickets: Ticket[] = [
  solved(requester.id, answer(5, 3, { ces: 7, nps: 10, comment: 'Great' })),
  solved(requester.id, answer(2, 10, { comment: '<img src=x onerror=alert(1)>' })),
  solved(requester.id, answer(null, 20, { nps: 6 })),
  solved(requester.id, answer(3, 200)),
  solved(requester.id, null),
  solved(colleague.id, answer(4, 1)),
  solved(colleague.id, answer(1, 100)),
  solved(colleague.id, answer(1, 150)),
  solved(loner.id, null),
];

const newFile = tempFiles();
let replica: Replica;
let sql: StatementCache;

beforeAll(async () => {
  replica = await Replica.open(newFile());
  sql = new StatementCache(replica.db);
  const rows: Row[] = [{ kind: 'account', row: account }, ...[requester, colleague, loner].map((row): Row => ({ kind: 'contact', row })), ...tickets.map((row): Row => ({ kind: 'ticket', row }))];
  await putRows(replica, rows);
});
afterAll(() => replica.close());

describe('satisfaction history', () => {
  it("sums up the requester's answers over 90 days and all time, with the latest first", () => {
    const history = satisfactionHistory(sql, 'requester', requester.id, NOW);
    expect(history.last90Days).toEqual({ answers: 3, csatAnswers: 2, satisfied: 1, average: 3.5 });
    expect(history.allTime).toEqual({ answers: 4, csatAnswers: 3, satisfied: 1, average: 3.33 });
    expect(history.latest.map((a) => [a.number, a.csat, a.comment])).toEqual([
      [101, 5, 'Great'],
      [102, 2, '<img src=x onerror=alert(1)>'],
      [103, null, null],
      [104, 3, null],
    ]);
    expect(history.latest[0]).toMatchObject({ ticketId: tickets[0]!.id, subject: 'Case 1', ces: 7, nps: 10, ratedAt: daysAgo(3) });
    // Satisfied share 1/2 now against none answered in the 90 days before: no trend.
    expect(history.trend).toBeNull();
  });

  it("sums up the account's answers, every contact's, with a trend against the 90 days before", () => {
    const history = satisfactionHistory(sql, 'account', account.id, NOW);
    expect(history.allTime).toEqual({ answers: 7, csatAnswers: 6, satisfied: 2, average: 2.67 });
    expect(history.last90Days).toEqual({ answers: 4, csatAnswers: 3, satisfied: 2, average: 3.67 });
    // 2 of 3 satisfied now, 0 of 2 in the period before.
    expect(history.trend).toBe('up');
    expect(history.latest).toHaveLength(5);
    expect(history.latest[0]?.number).toBe(106);
  });

  it('is empty for a customer who never answered, and the pane carries both histories', () => {
    const none = satisfactionHistory(sql, 'requester', loner.id, NOW);
    expect(none).toEqual({ last90Days: { answers: 0, csatAnswers: 0, satisfied: 0, average: null }, allTime: { answers: 0, csatAnswers: 0, satisfied: 0, average: null }, trend: null, latest: [] });
    const pane = procedures['customer.pane'].output.parse(customerPane(replica, sql, tickets[0]!.id));
    expect(pane?.satisfaction.account?.allTime.answers).toBe(7);
    expect(pane?.satisfaction.requester.allTime.answers).toBe(4);
    const lonePane = customerPane(replica, sql, tickets.at(-1)!.id);
    expect(lonePane?.satisfaction).toEqual({ account: null, requester: expect.objectContaining({ latest: [] }) });
  });

  it('calls a move under five points steady', () => {
    expect(satisfactionTrend({ csatAnswers: 100, satisfied: 80 }, { csatAnswers: 100, satisfied: 77 })).toBe('steady');
    expect(satisfactionTrend({ csatAnswers: 100, satisfied: 70 }, { csatAnswers: 100, satisfied: 77 })).toBe('down');
    expect(satisfactionTrend({ csatAnswers: 0, satisfied: 0 }, { csatAnswers: 10, satisfied: 7 })).toBeNull();
  });

  it("searches the owner's ticket index, never scanning the table", () => {
    for (const query of Object.values(satisfactionSql)) {
      const lines = replica.db
        .prepare(`EXPLAIN QUERY PLAN ${query}`)
        .all('x')
        .map((r) => (r as { detail: string }).detail);
      expect(lines.filter((l) => /^SCAN /.test(l) && !/USING (COVERING )?INDEX/.test(l) && !/^SCAN \(subquery-\d+\)$/.test(l)), query).toEqual([]);
      expect(lines.some((l) => /^SEARCH tickets USING INDEX tickets_by_(account|requester)/.test(l)), lines.join('\n')).toBe(true);
    }
  });
});
