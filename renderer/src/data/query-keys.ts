import type { QueueRef, ViewSort } from '../../../shared/ipc/features/queues.ts';
import type { CustomerTicketList } from '../../../shared/ipc/views.ts';
import type { ReportDefinition, ReportFilter, ReportKey, ReportRange } from '../../../shared/reports/index.ts';

/** Every replica query the renderer caches. Roots are what `changed` events invalidate. */
export const queryKeys = {
  session: ['session'] as const,
  queue: ['queue'] as const,
  /** Under `queue`: ticket and view changes refresh the navigation's counts. */
  views: ['queue', 'views'] as const,
  viewPages: (ref: QueueRef, sort: ViewSort | null) => ['queue', 'view-pages', ref, sort] as const,
  ticket: ['ticket'] as const,
  ticketDetail: (id: string) => ['ticket', id] as const,
  customer: ['customer'] as const,
  customerPane: (ticketId: string) => ['customer', ticketId] as const,
  customerTickets: (ticketId: string, list: CustomerTicketList) => ['customer', ticketId, list] as const,
  agents: ['agents'] as const,
  teams: ['teams'] as const,
  syncStatus: ['sync', 'status'] as const,
  syncIssues: ['sync', 'issues'] as const,
  macros: ['macros'] as const,
  slaPolicy: ['slaPolicy'] as const,
  search: ['search'] as const,
  searchResults: (text: string) => ['search', 'results', text] as const,
  searchArticle: (id: string) => ['search', 'article', id] as const,
  /** Everything a report shows: tickets, teams and agents change it. */
  reports: ['reports'] as const,
  reportsDashboard: (range: ReportRange, filter: ReportFilter, timeZone: string) => ['reports', 'dashboard', range, filter, timeZone] as const,
  reportsRun: (definition: ReportDefinition | null, timeZone: string, compare: boolean) => ['reports', 'run', definition, timeZone, compare] as const,
  reportsTickets: (definition: ReportDefinition, keys: ReportKey[], timeZone: string) => ['reports', 'tickets', definition, keys, timeZone] as const,
  reportsSaved: ['reports', 'saved'] as const,
};
