import type { TicketSummary } from '../../../shared/ipc/views.ts';
import type { ReportDefinition, ReportKey } from '../../../shared/reports/index.ts';
import { DeskError } from '../../../shared/ipc/contract.ts';
import type { StatementCache } from '../replica/statement-cache.ts';
import { fallbackNames } from '../queries/fallback-names.ts';
import { backlogAt } from './aggregate.ts';
import { DIMENSION_SQL } from './dimension-sql.ts';
import { filterSql } from './filter-sql.ts';
import { METRIC_SQL } from './metric-sql.ts';
import { periodOfRange } from './period.ts';
import { iso, splitOf } from './report-plan.ts';

interface Predicate {
  sql: string;
  params: unknown[];
}

/**
 * The tickets behind one value of a report: the same predicate as the value (its anchor in the
 * bucket, the metric's own condition, the filter, each category key), so `total` is the value's sample.
 */
export function drillDown(
  sql: StatementCache,
  input: { definition: Pick<ReportDefinition, 'metric' | 'groupBy' | 'range' | 'filter'>; timeZone: string; keys: readonly ReportKey[]; limit: number },
  now: number,
): { tickets: TicketSummary[]; total: number } {
  const def = input.definition;
  const period = periodOfRange(def.range, input.timeZone, now);
  const split = splitOf(input.keys.length ? def.groupBy : [], period);
  if (input.keys.length && input.keys.length !== def.groupBy.length) throw new DeskError('invalid_input', 'Pick a value of the report: one key per dimension it is split by.');
  let window = { start: period.start, end: period.end };
  const terms: Predicate[] = [];
  split.order.forEach((o, i) => {
    const key = input.keys[i];
    if (!key) return;
    if (o.kind === 'time') {
      const bucket = split.buckets.find((b) => b.id === key.id);
      if (!bucket) throw new DeskError('invalid_input', `The report has no ${split.time ?? 'time'} ${key.id ?? ''}.`);
      window = { start: bucket.start, end: bucket.end };
    } else {
      const dimension = split.categories[o.index];
      if (dimension) terms.push(DIMENSION_SQL[dimension].match(key.id));
    }
  });
  if (def.metric === 'backlog') terms.push(backlogAt(window.end));
  else {
    const m = METRIC_SQL[def.metric];
    terms.push({ sql: `t.${m.anchor} >= ? AND t.${m.anchor} < ?`, params: [iso(window.start), iso(window.end)] }, { sql: m.where, params: m.params(iso(now)) });
  }
  terms.push(filterSql(def.filter));
  const where = terms.map((t) => `(${t.sql})`).join(' AND ');
  const params = terms.flatMap((t) => t.params);
  const total = sql.get1<{ n: number }>({ sql: `SELECT count(*) AS n FROM tickets t WHERE ${where}`, params })?.n ?? 0;
  const rows = sql.all<{ data: string; requesterName: string | null }>({
    sql: `SELECT t.data, c.name AS requesterName FROM tickets t LEFT JOIN contacts c ON c.id = t.requester_id
      WHERE ${where} ORDER BY t.created_at DESC, t.id DESC LIMIT ?`,
    params: [...params, input.limit],
  });
  const tickets = rows.map((r) => {
    const t = JSON.parse(r.data) as TicketSummary;
    return { id: t.id, number: t.number, subject: t.subject, status: t.status, priority: t.priority, createdAt: t.createdAt, updatedAt: t.updatedAt, solvedAt: t.solvedAt, requesterName: r.requesterName ?? fallbackNames.requester };
  });
  return { tickets, total };
}
