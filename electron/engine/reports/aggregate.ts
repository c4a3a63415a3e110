import type { ReportFilter } from '../../../shared/reports/index.ts';
import type { StatementCache } from '../replica/statement-cache.ts';
import { DIMENSION_SQL } from './dimension-sql.ts';
import { filterSql } from './filter-sql.ts';
import type { MetricSql, Parts } from './metric-sql.ts';
import { iso, type CategoryDimension } from './report-plan.ts';

/** One group of an aggregate: its bucket index, its category key values (as stored), its parts. */
export interface Group extends Parts {
  bucket: number;
  keys: unknown[];
}

interface Window {
  start: number;
  end: number;
}

function groupParts(categories: readonly CategoryDimension[]) {
  const dims = categories.map((d) => DIMENSION_SQL[d]);
  return {
    select: dims.map((d, i) => `, ${d.expr} AS k${i}`).join(''),
    joins: dims.map((d) => d.join ?? '').join(' '),
    groupBy: dims.length ? `GROUP BY ${dims.map((_, i) => `k${i}`).join(', ')}` : '',
  };
}

function readGroups(rows: Record<string, unknown>[], bucket: number, categories: number): Group[] {
  return rows
    .map((r) => ({
      bucket,
      keys: Array.from({ length: categories }, (_, i) => r[`k${i}`] ?? null),
      n: r.n as number,
      a: (r.a as number | null) ?? null,
      b: (r.b as number | null) ?? null,
    }))
    .filter((g) => g.n > 0);
}

/**
 * The SQL of a metric's parts per category key over one bucket (exported for the query-plan test):
 * one range of the anchor's index, and no sort at all when not split by category. Its parameters
 * start with the bucket's bounds.
 */
export function aggregateQuery(metric: MetricSql, categories: readonly CategoryDimension[], filter: ReportFilter, now: number): { sql: string; params: unknown[] } {
  const where = filterSql(filter);
  const g = groupParts(categories);
  return {
    sql: `SELECT count(*) AS n${g.select}, ${metric.parts}
      FROM tickets t ${g.joins}
      WHERE t.${metric.anchor} >= ? AND t.${metric.anchor} < ? AND ${metric.where} AND ${where.sql}
      ${g.groupBy}`,
    params: [...metric.params(iso(now)), ...where.params],
  };
}

/** Runs a per-bucket query once per bucket (one prepared statement), the bucket's bounds first. */
function perBucket(sql: StatementCache, query: { sql: string; params: unknown[] }, buckets: readonly Window[], categories: number): Group[] {
  const statement = sql.get(query.sql);
  return buckets.flatMap((b, i) => readGroups(statement.all(iso(b.start), iso(b.end), ...query.params) as Record<string, unknown>[], i, categories));
}

/** A metric's parts per bucket and category key over the tickets its anchor places in each bucket. */
export function aggregate(sql: StatementCache, metric: MetricSql, buckets: readonly Window[], categories: readonly CategoryDimension[], filter: ReportFilter, now: number): Group[] {
  return perBucket(sql, aggregateQuery(metric, categories, filter, now), buckets, categories.length);
}

/** The tickets in the backlog at an instant: created before it, not merged, and unsolved now or solved after it. */
export function backlogAt(end: number): { sql: string; params: unknown[] } {
  return {
    sql: `t.rowid IN (SELECT rowid FROM tickets WHERE unsolved = 1 AND merged = 0 AND created_at < ?
      UNION ALL SELECT rowid FROM tickets WHERE solved_at >= ? AND created_at < ?)`,
    params: [iso(end), iso(end), iso(end)],
  };
}

/**
 * The backlog at one instant, per category key (bucket 0): the same tickets as `backlogAt`, read
 * as two index ranges (open now, from the index of open tickets; solved after the instant) so that
 * the count and the workload by assignee never touch the wide rows.
 */
export function backlogGroups(sql: StatementCache, end: number, categories: readonly CategoryDimension[], filter: ReportFilter): Group[] {
  const where = filterSql(filter);
  const dims = categories.map((d) => DIMENSION_SQL[d]);
  const keys = dims.map((d, i) => `${d.expr} AS k${i}`).join(', ') || 'NULL AS k';
  const joins = dims.map((d) => d.join ?? '').join(' ');
  const branch = (range: string) => `SELECT ${keys} FROM tickets t ${joins} WHERE ${range} AND ${where.sql}`;
  const outer = dims.map((_, i) => `k${i}`);
  const rows = sql.all<Record<string, unknown>>({
    sql: `SELECT 0 AS bucket${outer.map((k) => `, ${k}`).join('')}, count(*) AS n, NULL AS a, NULL AS b
      FROM (${branch('t.unsolved = 1 AND t.merged = 0 AND t.created_at < ?')} UNION ALL ${branch('t.solved_at >= ? AND +t.created_at < ?')})
      ${outer.length ? `GROUP BY ${outer.join(', ')}` : ''}`,
    params: [iso(end), ...where.params, iso(end), iso(end), ...where.params],
  });
  return readGroups(rows, 0, categories.length);
}

/** Tickets entering (created, not merged) and leaving (solved) the backlog per bucket and category key. */
export function backlogFlows(sql: StatementCache, buckets: readonly Window[], categories: readonly CategoryDimension[], filter: ReportFilter): { entered: Group[]; left: Group[] } {
  const where = filterSql(filter);
  const g = groupParts(categories);
  const flow = (anchor: string, extra: string) =>
    perBucket(
      sql,
      { sql: `SELECT count(*) AS n${g.select} FROM tickets t ${g.joins} WHERE t.${anchor} >= ? AND t.${anchor} < ? AND ${extra} AND ${where.sql} ${g.groupBy}`, params: where.params },
      buckets,
      categories.length,
    );
  return { entered: flow('created_at', 't.merged = 0'), left: flow('solved_at', 'TRUE') };
}
