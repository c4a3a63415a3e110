import type { WidgetResult } from '../../../shared/ipc/features/reports.ts';
import { STOCK_DASHBOARD, type DashboardWidget, type ReportFilter, type ReportRange } from '../../../shared/reports/index.ts';
import type { StatementCache } from '../replica/statement-cache.ts';
import { runReport } from './run-report.ts';

/** Every widget over one range and filter, KPI tiles with the period before; a widget that fails answers its error alone. */
export function dashboard(
  sql: StatementCache,
  input: { range: ReportRange; filter: ReportFilter; timeZone: string },
  now: number,
  widgets: readonly DashboardWidget[] = STOCK_DASHBOARD,
): { widgets: WidgetResult[] } {
  return {
    widgets: widgets.map((w) => {
      try {
        const definition = { ...w.report, range: input.range, filter: input.filter };
        return { id: w.id, result: runReport(sql, definition, { timeZone: input.timeZone, compare: w.report.chart === 'number', now }) };
      } catch (e) {
        return { id: w.id, error: e instanceof Error ? e.message : String(e) };
      }
    }),
  };
}
