import type { ReportDefinition } from './definition.ts';

/**
 * A dashboard widget: a report without its range (the dashboard's range applies) and its place.
 * `wide` widgets take a whole row.
 */
export interface DashboardWidget {
  id: string;
  title: string;
  report: Omit<ReportDefinition, 'range' | 'filter'>;
  wide?: boolean;
}

/** KPI tiles first (each with the previous period for its trend), then the charts a team lead reads daily. */
export const STOCK_DASHBOARD: readonly DashboardWidget[] = [
  { id: 'kpi-created', title: 'Tickets created', report: { metric: 'created', groupBy: [], chart: 'number' } },
  { id: 'kpi-solved', title: 'Tickets solved', report: { metric: 'solved', groupBy: [], chart: 'number' } },
  { id: 'kpi-backlog', title: 'Backlog', report: { metric: 'backlog', groupBy: [], chart: 'number' } },
  { id: 'kpi-frt', title: 'First response time', report: { metric: 'first_response_time', groupBy: [], chart: 'number' } },
  { id: 'kpi-resolution', title: 'Resolution time', report: { metric: 'resolution_time', groupBy: [], chart: 'number' } },
  { id: 'kpi-fcr', title: 'First contact resolution', report: { metric: 'first_contact_resolution', groupBy: [], chart: 'number' } },
  { id: 'kpi-csat', title: 'CSAT', report: { metric: 'csat', groupBy: [], chart: 'number' } },
  { id: 'kpi-nps', title: 'NPS', report: { metric: 'nps', groupBy: [], chart: 'number' } },
  { id: 'kpi-ces', title: 'Customer effort', report: { metric: 'ces', groupBy: [], chart: 'number' } },
  { id: 'kpi-sla-first', title: 'First response SLA', report: { metric: 'sla_first_response', groupBy: [], chart: 'number' } },
  { id: 'kpi-sla-resolution', title: 'Resolution SLA', report: { metric: 'sla_resolution', groupBy: [], chart: 'number' } },
  { id: 'kpi-reopen', title: 'Reopen rate', report: { metric: 'reopen_rate', groupBy: [], chart: 'number' } },
  { id: 'volume-created', title: 'Created per day', report: { metric: 'created', groupBy: ['day'], chart: 'line' }, wide: true },
  { id: 'volume-solved', title: 'Solved per day', report: { metric: 'solved', groupBy: ['day'], chart: 'line' }, wide: true },
  { id: 'backlog-trend', title: 'Backlog at the end of each day', report: { metric: 'backlog', groupBy: ['day'], chart: 'line' }, wide: true },
  { id: 'csat-trend', title: 'CSAT by week', report: { metric: 'csat', groupBy: ['week'], chart: 'line' } },
  { id: 'frt-by-channel', title: 'First response time by channel', report: { metric: 'first_response_time', groupBy: ['channel'], chart: 'bar' } },
  { id: 'sla-by-team', title: 'First response SLA by team', report: { metric: 'sla_first_response', groupBy: ['team'], chart: 'bar' } },
  { id: 'created-by-channel', title: 'Volume by channel and priority', report: { metric: 'created', groupBy: ['channel', 'priority'], chart: 'stacked_bar' } },
  { id: 'workload', title: 'Open tickets by assignee', report: { metric: 'backlog', groupBy: ['assignee'], chart: 'bar' }, wide: true },
];
