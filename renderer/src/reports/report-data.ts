import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReportFilter, ReportKey, ReportRange, ReportDefinition } from '../../../shared/reports/index.ts';
import type { SavedReport } from '../../../shared/reports/index.ts';
import { queryKeys } from '../data/query-keys.ts';
import { useDesk } from '../desk/desk-context.tsx';

/** Reports are in the agent's own days: their time zone, as the system says. */
export function agentTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The stock dashboard over a range and filter; the previous answer stays while the next loads, so nothing jumps. */
export function useDashboard(range: ReportRange, filter: ReportFilter) {
  const desk = useDesk();
  const timeZone = agentTimeZone();
  return useQuery({
    queryKey: queryKeys.reportsDashboard(range, filter, timeZone),
    queryFn: () => desk.invoke('reports.dashboard', { range, filter, timeZone }),
    placeholderData: keepPreviousData,
  });
}

/** One report (compared with the period before when asked); nothing is asked while `definition` is null. */
export function useReport(definition: ReportDefinition | null, compare = false) {
  const desk = useDesk();
  const timeZone = agentTimeZone();
  return useQuery({
    queryKey: queryKeys.reportsRun(definition, timeZone, compare),
    queryFn: () => desk.invoke('reports.run', { definition: definition!, timeZone, compare }),
    enabled: definition !== null,
    placeholderData: keepPreviousData,
  });
}

/** How many tickets the drill-down lists at most. */
export const DRILL_LIMIT = 200;

export function useReportTickets(definition: ReportDefinition, keys: ReportKey[]) {
  const desk = useDesk();
  const timeZone = agentTimeZone();
  return useQuery({
    queryKey: queryKeys.reportsTickets(definition, keys, timeZone),
    queryFn: () => desk.invoke('reports.tickets', { definition, timeZone, keys, limit: DRILL_LIMIT }),
  });
}

export function useSavedReports() {
  const desk = useDesk();
  return useQuery({ queryKey: queryKeys.reportsSaved, queryFn: () => desk.invoke('reports.list') });
}

export type SaveReportInput = Pick<SavedReport, 'name' | 'shared' | 'pinned' | 'definition'> & { id?: string };

export function useSaveReport() {
  const desk = useDesk();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveReportInput) => desk.invoke('reports.save', input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.reportsSaved }),
  });
}

export function useDeleteReport() {
  const desk = useDesk();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reportId: string) => desk.invoke('reports.delete', { reportId }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.reportsSaved }),
  });
}
