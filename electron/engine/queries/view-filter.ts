import { DeskError } from '../../../shared/ipc/contract.ts';
import type { Agent, SavedView, ViewFilter, ViewSortField } from '../../../shared/model/index.ts';
import { viewFilterRefusal } from '../../../shared/rules/view-filter.ts';
import { PRIORITY_RANK } from '../replica/entity-tables.ts';
import { isoAfter, type QueueEnv, type QueuePlan, type QueueSort, type Range } from './queue.ts';

const DATE_COLUMN = { createdAt: 'created_at', updatedAt: 'updated_at', solvedAt: "json_extract(data, '$.solvedAt')" } as const;

export const SORT_COLUMNS: Record<ViewSortField, Pick<QueueSort, 'column' | 'nullable'>> = {
  updatedAt: { column: 'updated_at', nullable: false },
  createdAt: { column: 'created_at', nullable: false },
  priority: { column: 'priority_rank', nullable: false },
  slaDueAt: { column: 'sla_due_at', nullable: true },
  number: { column: 'number', nullable: true },
};

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** `column IN (...)`, or a clause matching nothing for an empty list. */
function anyOf(column: string, values: readonly unknown[]): Range {
  return values.length ? { filter: `${column} IN (${marks(values.length)})`, params: [...values] } : { filter: 'FALSE', params: [] };
}

/** `column IN (...)` that may also match NULL ('none'). */
function anyOfOrNone(column: string, values: readonly string[], none: boolean): Range {
  const list = anyOf(column, values);
  if (!none) return list;
  return values.length ? { filter: `(${column} IS NULL OR ${list.filter})`, params: list.params } : { filter: `${column} IS NULL`, params: [] };
}

/**
 * A saved view's filter as one WHERE clause over `tickets`. Typed columns (status, priority_rank,
 * team_id, assignee_id, account_id, sla_due_at, dates) use the indexes; channel, product and tags
 * are read from the row's JSON within what the indexed terms leave. 'me', 'mine' and SLA windows
 * are resolved for whoever looks, now.
 */
export function filterSql(filter: ViewFilter, viewer: Agent, env: QueueEnv): Range {
  const refusal = viewFilterRefusal(filter);
  if (refusal) throw new DeskError('invalid_input', refusal);
  const terms: Range[] = [];
  if (filter.statuses) terms.push(anyOf('status', filter.statuses));
  if (filter.priorities) terms.push(anyOf('priority_rank', filter.priorities.map((p) => PRIORITY_RANK[p])));
  if (filter.teamIds) {
    const ids = [...new Set(filter.teamIds.flatMap((t) => (t === 'mine' ? viewer.teamIds : t === 'none' ? [] : [t])))];
    terms.push(anyOfOrNone('team_id', ids, filter.teamIds.includes('none')));
  }
  if (filter.assigneeIds) {
    const ids = [...new Set(filter.assigneeIds.flatMap((a) => (a === 'me' ? [viewer.id] : a === 'none' ? [] : [a])))];
    terms.push(anyOfOrNone('assignee_id', ids, filter.assigneeIds.includes('none')));
  }
  if (filter.accountIds) terms.push(anyOf('account_id', filter.accountIds));
  if (filter.channels) terms.push(anyOf("json_extract(data, '$.channel')", filter.channels));
  if (filter.products) terms.push(anyOf("json_extract(data, '$.product')", filter.products));
  if (filter.tags) terms.push({ filter: `EXISTS (SELECT 1 FROM json_each(tickets.data, '$.tags') WHERE value IN (${marks(filter.tags.length)}))`, params: [...filter.tags] });
  if (filter.sla) {
    const now = isoAfter(env, 0);
    const risk = isoAfter(env, env.atRiskMinutes);
    terms.push(
      filter.sla === 'breached'
        ? { filter: 'sla_due_at < ?', params: [now] }
        : filter.sla === 'at_risk'
          ? { filter: 'sla_due_at >= ? AND sla_due_at < ?', params: [now, risk] }
          : { filter: '(sla_due_at IS NULL OR sla_due_at >= ?)', params: [risk] },
    );
  }
  for (const d of filter.dates ?? []) terms.push({ filter: `${DATE_COLUMN[d.field]} >= ?`, params: [new Date(env.now - d.withinDays * 86_400_000).toISOString()] });
  if (terms.length === 0) return { filter: 'TRUE', params: [] };
  return { filter: terms.map((t) => t.filter).join(' AND '), params: terms.flatMap((t) => t.params) };
}

/** A saved view as a queue plan: one filtered range in the view's order, the id breaking ties. */
export function savedViewPlan(view: Pick<SavedView, 'filter' | 'sort'>, viewer: Agent, env: QueueEnv): QueuePlan {
  return { ranges: [filterSql(view.filter, viewer, env)], sort: { ...SORT_COLUMNS[view.sort.field], direction: view.sort.direction }, kept: keptFilter(view.filter) };
}

/** Filter fields whose terms name only columns the kept counts have (replica/queue-counts.ts). */
const KEPT_FIELDS: ReadonlySet<string> = new Set<keyof ViewFilter>(['statuses', 'priorities', 'teamIds', 'assigneeIds']);

/** A filter on status, priority, team and assignee alone is counted from the kept counts; any other term reads tickets. */
function keptFilter(filter: ViewFilter): boolean {
  return Object.entries(filter).every(([field, value]) => value === undefined || KEPT_FIELDS.has(field));
}
