import type { StatementCache } from '../../electron/engine/replica/statement-cache.ts';
import { dashboard } from '../../electron/engine/reports/dashboard.ts';
import { runReport } from '../../electron/engine/reports/run-report.ts';
import type { ReportDefinition } from '../../shared/reports/index.ts';
import { BUDGETS } from '../harness/budgets.ts';
import { sampleSync } from '../harness/stats.ts';
import type { SuiteContext } from '../harness/suite.ts';

/** Days, weeks and months of the reports here: a European agent's (DST-aware buckets). */
const TIME_ZONE = 'Europe/Berlin';

/** The custom report timed: a median, split by two category dimensions (the costlier kind), over 90 days. */
const CUSTOM: ReportDefinition = { metric: 'first_response_time', groupBy: ['team', 'channel'], range: { lastDays: 90 }, filter: {}, chart: 'table' };

/**
 * reports.dashboard and reports.run as their handlers run them (no IPC) on the admin's full replica:
 * every stock widget over the last 30 days (KPI tiles with the 30 days before), and a custom report.
 */
export function reportFigures(ctx: SuiteContext, sql: StatementCache): void {
  const { samples } = ctx.options;
  const now = Date.now();
  ctx.figure('stock dashboard (all widgets)', 'ms', sampleSync(samples, () => dashboard(sql, { range: { lastDays: 30 }, filter: {}, timeZone: TIME_ZONE }, now)), {
    budget: BUDGETS.dashboard,
    note: '20 widgets over the last 30 days, the 12 KPI tiles with the 30 days before',
  });
  const rows = runReport(sql, CUSTOM, { timeZone: TIME_ZONE, compare: false, now }).rows.length;
  ctx.figure('custom report, two dimensions, 90 days', 'ms', sampleSync(samples, () => runReport(sql, CUSTOM, { timeZone: TIME_ZONE, compare: true, now })), {
    note: `median first response time by team and channel, with the 90 days before (${rows} rows)`,
  });
}
