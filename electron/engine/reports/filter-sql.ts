import type { ReportFilter } from '../../../shared/reports/index.ts';
import { PRIORITY_RANK } from '../replica/entity-tables.ts';

const list = (values: readonly unknown[]) => `(${values.map(() => '?').join(', ')})`;

/** A list that may hold 'none' (no team, unassigned): any of the ids, or the column null. */
function withNone(column: string, ids: readonly string[]): { sql: string; params: unknown[] } {
  const real = ids.filter((id) => id !== 'none');
  const terms = [...(real.length ? [`${column} IN ${list(real)}`] : []), ...(ids.includes('none') ? [`${column} IS NULL`] : [])];
  return { sql: `(${terms.join(' OR ') || 'FALSE'})`, params: real };
}

/** A report filter as one predicate over `tickets t`: every present list is "any of", lists combine with AND. */
export function filterSql(filter: ReportFilter): { sql: string; params: unknown[] } {
  const terms: { sql: string; params: unknown[] }[] = [];
  const inList = (column: string, values: readonly unknown[] | undefined) => {
    if (values) terms.push(values.length ? { sql: `${column} IN ${list(values)}`, params: [...values] } : { sql: 'FALSE', params: [] });
  };
  if (filter.teamIds) terms.push(withNone('t.team_id', filter.teamIds));
  if (filter.assigneeIds) terms.push(withNone('t.assignee_id', filter.assigneeIds));
  inList('t.channel', filter.channels);
  inList('t.priority_rank', filter.priorities?.map((p) => PRIORITY_RANK[p]));
  inList('t.status', filter.statuses);
  inList('t.product', filter.products);
  inList('t.account_id', filter.accountIds);
  if (filter.tags) {
    terms.push(
      filter.tags.length
        ? { sql: `EXISTS (SELECT 1 FROM json_each(t.data, '$.tags') WHERE value IN ${list(filter.tags)})`, params: [...filter.tags] }
        : { sql: 'FALSE', params: [] },
    );
  }
  return { sql: terms.map((t) => t.sql).join(' AND ') || 'TRUE', params: terms.flatMap((t) => t.params) };
}
