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

/** The VALUES of the buckets, joined to the anchor's index: one range scan per bucket. */
export function bucketsCte(buckets: readonly Window[]): { sql: string; params: unknown[] } {
  return {
    sql: `WITH b(i, s, e) AS (VALUES ${buckets.map(() => '(?, ?, ?)').join(', ')})`,
    params: buckets.flatMap((b, i) => [i, iso(b.start), iso(b.end)]),
  };
}

function groupParts(categories: readonly CategoryDimension[]) {
  const dims = categories.map((d) => DIMENSION_SQL[d]);
  return {
    select: dims.map((d, i) => `, ${d.expr} AS k${i}`).join(''),
    joins: dims.map((d) => d.join ?? '').join(' '),
    groupBy: ['b.i', ...dims.map((_, i) => `k${i}`)].join(', '),
  };
}

function readGroups(rows: Record<string, unknown>[], categories: number): Group[] {
  return rows.map((r) => ({
    bucket: r.bucket as number,
    keys: Array.from({ length: categories }, (_, i) => r[`k${i}`] ?? null),
    n: r.n as number,
    a: (r.a as number | null) ?? null,
    b: (r.b as number | null) ?? null,
  }));
}

/** A metric's parts per bucket and category key over the tickets its anchor places in each bucket. */
export function aggregate(sql: StatementCache, metric: MetricSql, buckets: readonly Window[], categories: readonly CategoryDimension[], filter: ReportFilter, now: number): Group[] {
  const cte = bucketsCte(buckets);
  const where = filterSql(filter);
  const g = groupParts(categories);
  const rows = sql.all<Record<string, unknown>>({
    sql: `${cte.sql}
      SELECT b.i AS bucket${g.select}, ${metric.parts}
      FROM b JOIN tickets t ON t.${metric.anchor} >= b.s AND t.${metric.anchor} < b.e ${g.joins}
      WHERE ${metric.where} AND ${where.sql}
      GROUP BY ${g.groupBy}`,
    params: [...cte.params, ...metric.params(iso(now)), ...where.params],
  });
  return readGroups(rows, categories.length);
}

/** The tickets in the backlog at an instant: created before it, not merged, and unsolved now or solved after it. */
export function backlogAt(end: number): { sql: string; params: unknown[] } {
  return {
    sql: `t.rowid IN (SELECT rowid FROM tickets WHERE unsolved = 1 AND merged = 0 AND created_at < ?
      UNION ALL SELECT rowid FROM tickets WHERE solved_at >= ? AND created_at < ?)`,
    params: [iso(end), iso(end), iso(end)],
  };
}

/** The backlog at one instant, per category key (bucket 0). */
export function backlogGroups(sql: StatementCache, end: number, categories: readonly CategoryDimension[], filter: ReportFilter): Group[] {
  const at = backlogAt(end);
  const where = filterSql(filter);
  const g = groupParts(categories);
  const rows = sql.all<Record<string, unknown>>({
    sql: `WITH b(i) AS (VALUES (0))
      SELECT b.i AS bucket${g.select}, count(*) AS n, NULL AS a, NULL AS b
      FROM b JOIN tickets t ${g.joins}
      WHERE ${at.sql} AND ${where.sql}
      GROUP BY ${g.groupBy}`,
    params: [...at.params, ...where.params],
  });
  return readGroups(rows, categories.length);
}

/** Tickets entering (created, not merged) and leaving (solved) the backlog per bucket and category key. */
export function backlogFlows(sql: StatementCache, buckets: readonly Window[], categories: readonly CategoryDimension[], filter: ReportFilter): { entered: Group[]; left: Group[] } {
  const cte = bucketsCte(buckets);
  const where = filterSql(filter);
  const g = groupParts(categories);
  const flow = (anchor: string, extra: string) =>
    readGroups(
      sql.all<Record<string, unknown>>({
        sql: `${cte.sql}
          SELECT b.i AS bucket${g.select}, count(*) AS n, NULL AS a, NULL AS b
          FROM b JOIN tickets t ON t.${anchor} >= b.s AND t.${anchor} < b.e ${g.joins}
          WHERE ${extra} AND ${where.sql}
          GROUP BY ${g.groupBy}`,
        params: [...cte.params, ...where.params],
      }),
      categories.length,
    );
  return { entered: flow('created_at', 't.merged = 0'), left: flow('solved_at', 'TRUE') };
}
