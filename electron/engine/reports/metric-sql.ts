import type { ReportMetric } from '../../../shared/reports/index.ts';

/** What one group's SQL aggregate gives: how many tickets (or answers), and up to two more parts. */
export interface Parts {
  n: number;
  a: number | null;
  b: number | null;
}

/**
 * How a metric reads from `tickets t` (see METRICS for the definitions in words): the typed column
 * that places a ticket in a period, which of those tickets it counts (`where`, with `params`), the
 * aggregate parts besides the count (`a` and `b`), and the value from them. `additive` parts sum across groups into a total
 * (counts and shares do; a median does not).
 */
export interface MetricSql {
  anchor: 'created_at' | 'solved_at' | 'rated_at';
  where: string;
  params: (now: string) => unknown[];
  parts: string;
  additive: boolean;
  value: (p: Parts) => number | null;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const count = (p: Parts) => p.n;
const share = (p: Parts) => (p.n === 0 ? null : round((100 * (p.a ?? 0)) / p.n));
const median = (p: Parts) => (p.n === 0 || p.a === null ? null : round(p.a));
const none = () => [];

const COUNT = "NULL AS a, NULL AS b";
const shareOf = (hit: string) => `sum(${hit}) AS a, NULL AS b`;

/** `backlog` has no anchor of its own: see backlog.ts. */
export const METRIC_SQL: Readonly<Record<Exclude<ReportMetric, 'backlog'>, MetricSql>> = {
  created: { anchor: 'created_at', where: 'TRUE', params: none, parts: COUNT, additive: true, value: count },
  solved: { anchor: 'solved_at', where: 'TRUE', params: none, parts: COUNT, additive: true, value: count },
  first_response_time: {
    anchor: 'created_at',
    where: 't.merged = 0 AND t.first_response_at IS NOT NULL',
    params: none,
    parts: 'median(t.first_response_minutes) AS a, NULL AS b',
    additive: false,
    value: median,
  },
  resolution_time: {
    anchor: 'solved_at',
    where: 'TRUE',
    params: none,
    parts: 'median(t.resolution_minutes) AS a, NULL AS b',
    additive: false,
    value: median,
  },
  first_contact_resolution: { anchor: 'solved_at', where: 'TRUE', params: none, parts: shareOf('t.reply_count <= 1 AND t.reopen_count = 0'), additive: true, value: share },
  reopen_rate: { anchor: 'solved_at', where: 'TRUE', params: none, parts: shareOf('t.reopen_count > 0'), additive: true, value: share },
  csat: { anchor: 'rated_at', where: 't.csat IS NOT NULL', params: none, parts: shareOf('t.csat >= 4'), additive: true, value: share },
  nps: {
    anchor: 'rated_at',
    where: 't.nps IS NOT NULL',
    params: none,
    parts: 'sum(t.nps >= 9) AS a, sum(t.nps <= 6) AS b',
    additive: true,
    value: (p) => (p.n === 0 ? null : round((100 * ((p.a ?? 0) - (p.b ?? 0))) / p.n)),
  },
  ces: {
    anchor: 'rated_at',
    where: 't.ces IS NOT NULL',
    params: none,
    parts: 'sum(t.ces) AS a, NULL AS b',
    additive: true,
    value: (p) => (p.n === 0 ? null : round((p.a ?? 0) / p.n)),
  },
  sla_first_response: {
    anchor: 'created_at',
    // answered ones, and unanswered ones once overdue
    where: 't.merged = 0 AND t.first_response_due_at IS NOT NULL AND (t.first_response_at IS NOT NULL OR t.first_response_due_at < ?)',
    params: (now) => [now],
    parts: shareOf('t.first_response_at IS NOT NULL AND t.first_response_at <= t.first_response_due_at'),
    additive: true,
    value: share,
  },
  sla_resolution: {
    anchor: 'solved_at',
    where: 't.resolution_due_at IS NOT NULL',
    params: none,
    parts: shareOf('t.solved_at <= t.resolution_due_at'),
    additive: true,
    value: share,
  },
};

/** The backlog's parts: a count. */
export const BACKLOG_VALUE = count;

/** Empty groups read 0 for counts, nothing for the rest. */
export function emptyValue(metric: ReportMetric): number | null {
  return metric === 'created' || metric === 'solved' || metric === 'backlog' ? 0 : null;
}

export function sumParts(list: readonly Parts[]): Parts {
  return list.reduce<Parts>((s, p) => ({ n: s.n + p.n, a: (s.a ?? 0) + (p.a ?? 0), b: (s.b ?? 0) + (p.b ?? 0) }), { n: 0, a: 0, b: 0 });
}
