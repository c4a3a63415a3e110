import { QueueRow, type QueuePage, type QueueView } from '../../../shared/ipc/views.ts';
import type { Agent, Ticket } from '../../../shared/model/index.ts';
import type { StatementCache } from '../replica/statement-cache.ts';
import { fallbackNames } from './fallback-names.ts';
import { pendingSyncSql } from './pending-sync.ts';
import { decodeKeyset, encodeKeyset, type Keyset } from './keyset-cursor.ts';

export interface SqlQuery {
  sql: string;
  params: unknown[];
}

const ORDER = 'ORDER BY updated_at DESC, id DESC';

/**
 * A queue is the union of index ranges (one per team for team queues): each is walked in order
 * and stops after `limit` rows. An OR/IN over teams would sort every matching ticket instead.
 */
function ranges(view: QueueView, viewer: Agent): { filter: string; params: unknown[] }[] {
  switch (view) {
    case 'all':
      return [{ filter: 'TRUE', params: [] }];
    case 'mine':
      return [{ filter: 'assignee_id = ? AND unsolved = 1', params: [viewer.id] }];
    case 'team':
      return viewer.teamIds.map((teamId) => ({ filter: 'team_id = ? AND unsolved = 1', params: [teamId] }));
    case 'unassigned':
      return viewer.teamIds.map((teamId) => ({ filter: 'team_id = ? AND unsolved = 1 AND assignee_id IS NULL', params: [teamId] }));
  }
}

/** The SQL of one queue page (exported for the query-plan test); null when the queue is empty by definition. */
export function queuePageQuery(view: QueueView, viewer: Agent, after: Keyset | null, limit: number): SqlQuery | null {
  const keyset = after ? ' AND (updated_at, id) < (?, ?)' : '';
  const keysetParams = after ? [after.at, after.id] : [];
  const branches = ranges(view, viewer).map(({ filter, params }) => ({
    sql: `SELECT id, updated_at FROM tickets WHERE ${filter}${keyset} ${ORDER} LIMIT ?`,
    params: [...params, ...keysetParams, limit],
  }));
  const [only] = branches;
  if (!only) return null;
  const page =
    branches.length === 1
      ? only
      : {
          sql: `SELECT id, updated_at FROM (${branches.map((b) => `SELECT * FROM (${b.sql})`).join(' UNION ALL ')}) ${ORDER} LIMIT ?`,
          params: [...branches.flatMap((b) => b.params), limit],
        };
  return {
    sql: `WITH page AS (${page.sql})
      SELECT t.data, page.updated_at AS updatedAtKey, page.id AS idKey, c.name AS requesterName, a.name AS accountName, ag.name AS assigneeName,
        ${pendingSyncSql('ticket', 't.id')} AS pendingSync
      FROM page
      JOIN tickets t ON t.id = page.id
      LEFT JOIN contacts c ON c.id = t.requester_id
      LEFT JOIN accounts a ON a.id = t.account_id
      LEFT JOIN agents ag ON ag.id = t.assignee_id
      ORDER BY page.updated_at DESC, page.id DESC`,
    params: page.params,
  };
}

/** The SQL counting a queue: a sum of index range counts. */
export function queueCountQuery(view: QueueView, viewer: Agent): SqlQuery {
  const parts = ranges(view, viewer);
  if (parts.length === 0) return { sql: 'SELECT 0 AS n', params: [] };
  return {
    sql: `SELECT ${parts.map((p) => `(SELECT count(*) FROM tickets WHERE ${p.filter})`).join(' + ')} AS n`,
    params: parts.flatMap((p) => p.params),
  };
}

interface PageRow {
  data: string;
  updatedAtKey: string;
  idKey: string;
  requesterName: string | null;
  accountName: string | null;
  assigneeName: string | null;
  pendingSync: number;
}

export function queuePage(sql: StatementCache, viewer: Agent, input: { view: QueueView; after: string | null; limit: number }): QueuePage {
  const after = input.after === null ? null : decodeKeyset(input.after);
  const query = queuePageQuery(input.view, viewer, after, input.limit + 1);
  const rows = query ? sql.all<PageRow>(query) : [];
  const more = rows.length > input.limit;
  const shown = rows.slice(0, input.limit);
  const last = shown.at(-1);
  return {
    rows: shown.map(toQueueRow),
    next: more && last ? encodeKeyset({ at: last.updatedAtKey, id: last.idKey }) : null,
    total: queueCount(sql, viewer, input.view),
  };
}

export function queueCount(sql: StatementCache, viewer: Agent, view: QueueView): number {
  return sql.get1<{ n: number }>(queueCountQuery(view, viewer))?.n ?? 0;
}

function toQueueRow(row: PageRow): QueueRow {
  // The schema keeps the row's fields and drops the rest of the ticket.
  return QueueRow.parse({
    ...(JSON.parse(row.data) as Ticket),
    requesterName: row.requesterName ?? fallbackNames.requester,
    accountName: row.accountName,
    assigneeName: row.assigneeName,
    pendingSync: row.pendingSync === 1,
  });
}
