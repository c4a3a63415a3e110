import { QueueRow, type QueuePage, type QueueView } from '../../../shared/ipc/views.ts';
import type { Agent, Ticket } from '../../../shared/model/index.ts';
import { MAX_ROWID } from '../replica/queue-counts.ts';
import type { StatementCache } from '../replica/statement-cache.ts';
import { fallbackNames } from './fallback-names.ts';
import { pendingSyncSql } from './pending-sync.ts';
import { decodeKeyset, encodeKeyset, type Keyset } from './keyset-cursor.ts';

export interface SqlQuery {
  sql: string;
  params: unknown[];
}

/** One index range of a queue: a WHERE clause over `tickets` and its parameters. */
export interface Range {
  filter: string;
  params: unknown[];
}

/** How a queue is sorted: a typed column of `tickets`, then the id the same way. */
export interface QueueSort {
  column: 'updated_at' | 'created_at' | 'priority_rank' | 'sla_due_at' | 'number';
  direction: 'asc' | 'desc';
  /** The column may be null (tickets without a number or a running deadline): those come last. */
  nullable: boolean;
}

/** What a queue reads: the union of disjoint index ranges, in one order. */
export interface QueuePlan {
  ranges: Range[];
  sort: QueueSort;
  /**
   * Every range filters on team_id, assignee_id, status, unsolved and priority_rank only, so its
   * count is a sum over the kept counts (`_queue_counts`, replica/queue-counts.ts). Otherwise the
   * tickets are counted up to COUNT_BOUND.
   */
  kept?: boolean;
}

/** How far a count that reads tickets goes: beyond it the navigation shows "10,000+" (as Zendesk and Linear cap theirs). */
export const COUNT_BOUND = 10_000;

/** A view's count; `capped` when there are more than `n` (= COUNT_BOUND). */
export interface ViewCount {
  n: number;
  capped: boolean;
}

/** What built-in views depend on besides the agent: the clock and the SLA policy's at-risk window. */
export interface QueueEnv {
  now: number;
  atRiskMinutes: number;
}

const NEWEST_FIRST: QueueSort = { column: 'updated_at', direction: 'desc', nullable: false };
const DAY_MS = 24 * 60 * 60 * 1000;

export const builtinViews: readonly QueueView[] = ['mine', 'unassigned', 'team', 'pending', 'sla_at_risk', 'recent', 'all'];

/** The instant `minutes` from now, as the UTC text the typed columns hold. */
export const isoAfter = (env: QueueEnv, minutes: number) => new Date(env.now + minutes * 60_000).toISOString();

/**
 * A queue is the union of index ranges (one per team for team queues): each is walked in order
 * and stops after `limit` rows. An OR/IN over teams would sort every matching ticket instead.
 */
export function builtinPlan(view: QueueView, viewer: Agent, env: QueueEnv): QueuePlan {
  const teams = viewer.teamIds;
  switch (view) {
    case 'all':
      return { ranges: [{ filter: 'TRUE', params: [] }], sort: NEWEST_FIRST, kept: true };
    case 'mine':
      return { ranges: [{ filter: 'assignee_id = ? AND unsolved = 1', params: [viewer.id] }], sort: NEWEST_FIRST, kept: true };
    case 'team':
      return { ranges: teams.map((teamId) => ({ filter: 'team_id = ? AND unsolved = 1', params: [teamId] })), sort: NEWEST_FIRST, kept: true };
    case 'unassigned':
      return { ranges: teams.map((teamId) => ({ filter: 'team_id = ? AND unsolved = 1 AND assignee_id IS NULL', params: [teamId] })), sort: NEWEST_FIRST, kept: true };
    case 'pending': {
      // My teams' pending tickets, plus my own outside those teams (so no ticket is counted twice).
      const outsideTeams = teams.length ? ` AND (team_id IS NULL OR team_id NOT IN (${teams.map(() => '?').join(', ')}))` : '';
      return {
        ranges: [
          ...teams.map((teamId) => ({ filter: `team_id = ? AND status = 'pending'`, params: [teamId] })),
          { filter: `assignee_id = ? AND status = 'pending'${outsideTeams}`, params: [viewer.id, ...teams] },
        ],
        sort: NEWEST_FIRST,
        kept: true,
      };
    }
    // The two views of a moving time window count their tickets, up to COUNT_BOUND.
    case 'sla_at_risk':
      // Breached or due within the at-risk window, soonest first (sla_due_at is null once solved).
      return { ranges: [{ filter: 'sla_due_at < ?', params: [isoAfter(env, env.atRiskMinutes)] }], sort: { column: 'sla_due_at', direction: 'asc', nullable: false } };
    case 'recent':
      return { ranges: [{ filter: 'updated_at >= ?', params: [new Date(env.now - DAY_MS).toISOString()] }], sort: NEWEST_FIRST };
  }
}

function orderBy(sort: QueueSort, prefix = ''): string {
  const dir = sort.direction.toUpperCase();
  return `ORDER BY ${prefix}${sort.column} ${dir}${sort.nullable ? ' NULLS LAST' : ''}, ${prefix}id ${dir}`;
}

/** Rows after the keyset in the plan's order (nulls last, id breaking ties). */
function keysetSql(sort: QueueSort, after: Keyset): Range {
  const op = sort.direction === 'asc' ? '>' : '<';
  const c = sort.column;
  if (after.at === null) return { filter: ` AND (${c} IS NULL AND id ${op} ?)`, params: [after.id] };
  if (sort.nullable) return { filter: ` AND ((${c}, id) ${op} (?, ?) OR ${c} IS NULL)`, params: [after.at, after.id] };
  return { filter: ` AND (${c}, id) ${op} (?, ?)`, params: [after.at, after.id] };
}

/** The SQL of one page of a plan (exported for the query-plan test); null when the queue is empty by definition. */
export function planPageQuery(plan: QueuePlan, after: Keyset | null, limit: number): SqlQuery | null {
  const { sort } = plan;
  const keyset = after ? keysetSql(sort, after) : { filter: '', params: [] };
  const branches = plan.ranges.map(({ filter, params }) => ({
    sql: `SELECT id, ${sort.column} AS sortKey FROM tickets WHERE (${filter})${keyset.filter} ${orderBy(sort)} LIMIT ?`,
    params: [...params, ...keyset.params, limit],
  }));
  const [only] = branches;
  if (!only) return null;
  const outer: QueueSort = { ...sort, column: 'sortKey' as QueueSort['column'] };
  const page =
    branches.length === 1
      ? only
      : {
          sql: `SELECT id, sortKey FROM (${branches.map((b) => `SELECT * FROM (${b.sql})`).join(' UNION ALL ')}) ${orderBy(outer)} LIMIT ?`,
          params: [...branches.flatMap((b) => b.params), limit],
        };
  return {
    sql: `WITH page AS (${page.sql})
      SELECT t.data, t.sla_due_at AS slaDueAt, page.sortKey AS sortKey, page.id AS idKey, c.name AS requesterName, a.name AS accountName, ag.name AS assigneeName,
        json_extract(tm.data, '$.name') AS teamName,
        ${pendingSyncSql('ticket', 't.id')} AS pendingSync
      FROM page
      JOIN tickets t ON t.id = page.id
      LEFT JOIN contacts c ON c.id = t.requester_id
      LEFT JOIN accounts a ON a.id = t.account_id
      LEFT JOIN agents ag ON ag.id = t.assignee_id
      LEFT JOIN teams tm ON tm.id = t.team_id
      ${orderBy(outer, 'page.')}`,
    params: page.params,
  };
}

/**
 * The SQL counting a plan: with `kept` (and the kept counts complete), a sum over `_queue_counts`
 * rows; else a sum of index range counts, each stopping after COUNT_BOUND + 1 tickets.
 */
export function planCountQuery(plan: QueuePlan, kept = plan.kept === true): SqlQuery {
  if (plan.ranges.length === 0) return { sql: 'SELECT 0 AS n', params: [] };
  const count = (filter: string) =>
    kept ? `(SELECT coalesce(sum(n), 0) FROM _queue_counts WHERE ${filter})` : `(SELECT count(*) FROM (SELECT 1 FROM tickets WHERE ${filter} LIMIT ${COUNT_BOUND + 1}))`;
  return {
    sql: `SELECT ${plan.ranges.map((p) => count(p.filter)).join(' + ')} AS n`,
    params: plan.ranges.flatMap((p) => p.params),
  };
}

export function queuePageQuery(view: QueueView, viewer: Agent, after: Keyset | null, limit: number, env: QueueEnv = defaultEnv()): SqlQuery | null {
  return planPageQuery(builtinPlan(view, viewer, env), after, limit);
}

export function queueCountQuery(view: QueueView, viewer: Agent, env: QueueEnv = defaultEnv()): SqlQuery {
  return planCountQuery(builtinPlan(view, viewer, env));
}

/** True when the kept counts hold every ticket (not during an initial sync's build). */
function countsKept(sql: StatementCache): boolean {
  return sql.get1<{ live: number }>({ sql: `SELECT upto = ${MAX_ROWID} AS live FROM _queue_counts_state`, params: [] })?.live === 1;
}

/** Without a policy on the replica yet, an hour. */
export const DEFAULT_AT_RISK_MINUTES = 60;
const defaultEnv = (): QueueEnv => ({ now: Date.now(), atRiskMinutes: DEFAULT_AT_RISK_MINUTES });

interface PageRow {
  data: string;
  slaDueAt: string | null;
  sortKey: string | number | null;
  idKey: string;
  requesterName: string | null;
  accountName: string | null;
  assigneeName: string | null;
  teamName: string | null;
  pendingSync: number;
}

/** One page of a plan, with its total. */
export function planPage(sql: StatementCache, plan: QueuePlan, input: { after: string | null; limit: number }): QueuePage {
  const after = input.after === null ? null : decodeKeyset(input.after);
  const query = planPageQuery(plan, after, input.limit + 1);
  const rows = query ? sql.all<PageRow>(query) : [];
  const more = rows.length > input.limit;
  const shown = rows.slice(0, input.limit);
  const last = shown.at(-1);
  return {
    rows: shown.map(toQueueRow),
    next: more && last ? encodeKeyset({ at: last.sortKey, id: last.idKey }) : null,
    total: planCount(sql, plan).n,
  };
}

export function planCount(sql: StatementCache, plan: QueuePlan): ViewCount {
  const kept = plan.kept === true && countsKept(sql);
  const n = sql.get1<{ n: number }>(planCountQuery(plan, kept))?.n ?? 0;
  return !kept && n > COUNT_BOUND ? { n: COUNT_BOUND, capped: true } : { n, capped: false };
}

export function queuePage(sql: StatementCache, viewer: Agent, input: { view: QueueView; after: string | null; limit: number }, env: QueueEnv = defaultEnv()): QueuePage {
  return planPage(sql, builtinPlan(input.view, viewer, env), input);
}

export function queueCount(sql: StatementCache, viewer: Agent, view: QueueView, env: QueueEnv = defaultEnv()): ViewCount {
  return planCount(sql, builtinPlan(view, viewer, env));
}

function toQueueRow(row: PageRow): QueueRow {
  // The schema keeps the row's fields and drops the rest of the ticket.
  return QueueRow.parse({
    ...(JSON.parse(row.data) as Ticket),
    requesterName: row.requesterName ?? fallbackNames.requester,
    accountName: row.accountName,
    assigneeName: row.assigneeName,
    teamName: row.teamName,
    slaDueAt: row.slaDueAt,
    pendingSync: row.pendingSync === 1,
  });
}
