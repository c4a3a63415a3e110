import { MAX_REPORT_KEYS, METRICS, type ReportDefinition, type ReportKey, type ReportResult, type ReportValue } from '../../../shared/reports/index.ts';
import type { StatementCache } from '../replica/statement-cache.ts';
import { aggregate, backlogFlows, backlogGroups, type Group } from './aggregate.ts';
import { DIMENSION_SQL, labelsOf } from './dimension-sql.ts';
import { BACKLOG_VALUE, emptyValue, METRIC_SQL, sumParts, type Parts } from './metric-sql.ts';
import { periodOfRange, previousPeriod, type Period } from './period.ts';
import { iso, splitOf, type Split } from './report-plan.ts';

export interface RunOptions {
  timeZone: string;
  compare: boolean;
  /** The clock: which days "the last N days" are, and which unanswered tickets are overdue. */
  now: number;
}

type Definition = Pick<ReportDefinition, 'metric' | 'groupBy' | 'range' | 'filter'>;

/** The parts of a definition's groups over one period (the backlog per bucket end, carried forward). */
function groupsOf(sql: StatementCache, def: Definition, split: Split, now: number): Group[] {
  if (def.metric !== 'backlog') return aggregate(sql, METRIC_SQL[def.metric], split.buckets, split.categories, def.filter, now);
  const first = split.buckets[0];
  if (!split.time || !first) {
    const end = split.buckets.at(-1)?.end ?? 0;
    return backlogGroups(sql, end, split.categories, def.filter);
  }
  const start = backlogGroups(sql, first.start, split.categories, def.filter);
  const { entered, left } = backlogFlows(sql, split.buckets, split.categories, def.filter);
  const running = new Map<string, { keys: unknown[]; n: number }>();
  const at = (keys: unknown[]) => {
    const id = JSON.stringify(keys);
    let r = running.get(id);
    if (!r) running.set(id, (r = { keys, n: 0 }));
    return r;
  };
  for (const g of start) at(g.keys).n += g.n;
  const byBucket = (list: Group[]) => split.buckets.map((_, i) => list.filter((g) => g.bucket === i));
  const [ins, outs] = [byBucket(entered), byBucket(left)];
  const groups: Group[] = [];
  split.buckets.forEach((_, i) => {
    for (const g of ins[i] ?? []) at(g.keys).n += g.n;
    for (const g of outs[i] ?? []) at(g.keys).n -= g.n;
    for (const r of running.values()) if (r.n !== 0) groups.push({ bucket: i, keys: r.keys, n: r.n, a: null, b: null });
  });
  return groups;
}

function valueOf(def: Definition, p: Parts): ReportValue {
  return { value: p.n === 0 ? emptyValue(def.metric) : def.metric === 'backlog' ? BACKLOG_VALUE(p) : METRIC_SQL[def.metric].value(p), sample: p.n };
}

/** The metric over a whole period, not split. */
export function totalOf(sql: StatementCache, def: Definition, period: Period, now: number): ReportValue {
  const groups = groupsOf(sql, { ...def, groupBy: [] }, splitOf([], period), now);
  return valueOf(def, groups[0] ?? { n: 0, a: null, b: null });
}

/** Whether the total can be summed from the groups (not a median; not split by tag, where a ticket counts once per tag; the backlog at the last bucket). */
function totalFromGroups(def: Definition, split: Split, groups: Group[]): Parts | null {
  if (split.categories.includes('tag')) return null;
  if (def.metric === 'backlog') return split.time ? sumParts(groups.filter((g) => g.bucket === split.buckets.length - 1)) : sumParts(groups);
  return METRIC_SQL[def.metric].additive ? sumParts(groups) : null;
}

/** The keys kept per category dimension (largest sample first, at most MAX_REPORT_KEYS) and their labels. */
function keepKeys(sql: StatementCache, split: Split, groups: Group[]) {
  let truncated = false;
  const kept = split.categories.map((dimension, d) => {
    const samples = new Map<string | null, number>();
    for (const g of groups) {
      const id = DIMENSION_SQL[dimension].idOf(g.keys[d]);
      samples.set(id, (samples.get(id) ?? 0) + g.n);
    }
    const labels = labelsOf(sql, dimension, [...samples.keys()]);
    const ordered = [...samples.entries()].sort((x, y) => y[1] - x[1] || (labels.get(x[0]) ?? '').localeCompare(labels.get(y[0]) ?? '')).map(([id]) => id);
    if (ordered.length > MAX_REPORT_KEYS) truncated = true;
    const top = ordered.slice(0, MAX_REPORT_KEYS);
    return { rank: new Map(top.map((id, i) => [id, i])), labels };
  });
  return { kept, truncated };
}

/** One report over its period, with the period before when asked. */
export function runReport(sql: StatementCache, def: Definition, opts: RunOptions): ReportResult {
  const period = periodOfRange(def.range, opts.timeZone, opts.now);
  const split = splitOf(def.groupBy, period);
  const groups = groupsOf(sql, def, split, opts.now);
  const summed = def.groupBy.length ? totalFromGroups(def, split, groups) : (groups[0] ?? { n: 0, a: null, b: null });
  const total = summed ? valueOf(def, summed) : totalOf(sql, def, period, opts.now);
  const previous = opts.compare ? totalOf(sql, def, previousPeriod(period), opts.now) : null;
  const base = { metric: def.metric, unit: METRICS[def.metric].unit, from: iso(period.start), to: iso(period.end), total, previous };
  if (def.groupBy.length === 0) return { ...base, rows: [], truncated: false };

  const { kept, truncated } = keepKeys(sql, split, groups);
  // rows by bucket and kept category ids; every bucket of each category combination present (empty ones filled)
  const rows = new Map<string, { bucket: number; ids: (string | null)[]; parts: Parts }>();
  const combos = new Map<string, (string | null)[]>();
  for (const g of groups) {
    const ids = split.categories.map((dimension, d) => DIMENSION_SQL[dimension].idOf(g.keys[d]));
    if (ids.some((id, d) => !kept[d]?.rank.has(id))) continue;
    combos.set(JSON.stringify(ids), ids);
    const key = JSON.stringify([g.bucket, ids]);
    const row = rows.get(key);
    rows.set(key, { bucket: g.bucket, ids, parts: row ? sumParts([row.parts, g]) : g });
  }
  if (split.time) {
    for (const ids of combos.values()) {
      split.buckets.forEach((_, bucket) => {
        const key = JSON.stringify([bucket, ids]);
        if (!rows.has(key)) rows.set(key, { bucket, ids, parts: { n: 0, a: null, b: null } });
      });
    }
    if (combos.size === 0 && split.categories.length === 0) split.buckets.forEach((_, bucket) => rows.set(JSON.stringify([bucket, []]), { bucket, ids: [], parts: { n: 0, a: null, b: null } }));
  }
  const rankOf = (r: { bucket: number; ids: (string | null)[] }) =>
    split.order.map((o) => (o.kind === 'time' ? r.bucket : (kept[o.index]?.rank.get(r.ids[o.index] ?? null) ?? 0)));
  const keysOf = (r: { bucket: number; ids: (string | null)[] }): ReportKey[] =>
    split.order.map((o) => {
      if (o.kind === 'time') {
        const b = split.buckets[r.bucket];
        return { id: b?.id ?? null, label: b?.label ?? '' };
      }
      const id = r.ids[o.index] ?? null;
      return { id, label: kept[o.index]?.labels.get(id) ?? String(id) };
    });
  const ordered = [...rows.values()].sort((x, y) => {
    const [rx, ry] = [rankOf(x), rankOf(y)];
    for (let i = 0; i < rx.length; i++) if (rx[i] !== ry[i]) return (rx[i] ?? 0) - (ry[i] ?? 0);
    return 0;
  });
  return { ...base, rows: ordered.map((r) => ({ ...valueOf(def, r.parts), keys: keysOf(r) })), truncated };
}
