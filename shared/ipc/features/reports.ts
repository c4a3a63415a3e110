import { z } from 'zod';
import { Id } from '../../model/index.ts';
import { ReportDefinition, ReportFilter, ReportKey, ReportRange, ReportResult, SavedReport } from '../../reports/index.ts';
import { TicketSummary } from '../views.ts';

/** An IANA time zone name ('Europe/Berlin'): days, weeks and months of a report are the agent's own. */
export const TimeZoneName = z.string().min(1).max(100).refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'Unknown time zone.');

/** A widget's answer on a dashboard, or why it has none (one failing widget never blanks the others). */
export const WidgetResult = z.union([z.object({ id: z.string(), result: ReportResult }), z.object({ id: z.string(), error: z.string() })]);
export type WidgetResult = z.infer<typeof WidgetResult>;

/** Procedures and events of reports and dashboards. They run on the replica, offline included. Spread into shared/ipc/contract.ts. */
export const reportProcedures = {
  /** One report; `compare` adds the period of the same length just before. */
  'reports.run': { input: z.object({ definition: ReportDefinition, timeZone: TimeZoneName, compare: z.boolean().default(false) }), output: ReportResult },
  /** Every widget of the stock dashboard (shared/reports/stock-dashboard.ts) over one range and filter, KPI tiles compared with the period before. */
  'reports.dashboard': {
    input: z.object({ range: ReportRange, filter: ReportFilter.default({}), timeZone: TimeZoneName }),
    output: z.object({ widgets: z.array(WidgetResult) }),
  },
  /** The tickets behind one value of a report (a bar, a point, a table cell), newest first, for drill-down. */
  'reports.tickets': {
    input: z.object({
      definition: ReportDefinition,
      timeZone: TimeZoneName,
      /** The row's keys, as the result gave them; empty for the report's total. */
      keys: z.array(ReportKey).max(2),
      limit: z.number().int().min(1).max(500),
    }),
    output: z.object({ tickets: z.array(TicketSummary), total: z.number().int().nonnegative() }),
  },
  /** Saved reports the agent may see: their own and shared ones. */
  'reports.list': { input: z.undefined(), output: z.array(SavedReport) },
  /** Creates (no id) or updates a saved report; refuses a change the agent may not make. */
  'reports.save': {
    input: SavedReport.pick({ name: true, shared: true, pinned: true, definition: true }).extend({ id: Id.optional() }),
    output: z.object({ reportId: Id }),
  },
  'reports.delete': { input: z.object({ reportId: Id }), output: z.null() },
} as const;

export const reportEvents = {} as const;
