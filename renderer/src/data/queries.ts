import { queryOptions, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { DeskApi } from '../../../shared/ipc/contract.ts';
import type { QueueRef, ViewSort } from '../../../shared/ipc/features/queues.ts';
import type { CustomerTicketList } from '../../../shared/ipc/views.ts';
import { useDesk } from '../desk/desk-context.tsx';
import { queryKeys } from './query-keys.ts';

/** Rows per `queue.page` call: a few screens, so scrolling rarely waits. */
export const QUEUE_PAGE_SIZE = 100;

export function useSession() {
  const desk = useDesk();
  return useQuery({ queryKey: queryKeys.session, queryFn: () => desk.invoke('session.get') });
}

/** The navigation: built-in and saved views with their counts. */
export function useViews() {
  const desk = useDesk();
  return useQuery({ queryKey: queryKeys.views, queryFn: () => desk.invoke('views.list') });
}

/** Pages of a built-in or saved view, in its order or the sort menu's. */
export function useViewPages(ref: QueueRef, sort: ViewSort | null) {
  const desk = useDesk();
  return useInfiniteQuery({
    queryKey: queryKeys.viewPages(ref, sort),
    queryFn: ({ pageParam }) => desk.invoke('queue.viewPage', { ref, ...(sort && { sort }), after: pageParam, limit: QUEUE_PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
}

const ticketDetailQuery = (desk: DeskApi, id: string) => queryOptions({ queryKey: queryKeys.ticketDetail(id), queryFn: () => desk.invoke('ticket.get', { id }) });
const customerPaneQuery = (desk: DeskApi, ticketId: string) =>
  queryOptions({ queryKey: queryKeys.customerPane(ticketId), queryFn: () => desk.invoke('customer.pane', { ticketId }) });

export function useTicketDetail(id: string) {
  return useQuery(ticketDetailQuery(useDesk(), id));
}

export function useCustomerPane(ticketId: string) {
  return useQuery(customerPaneQuery(useDesk(), ticketId));
}

/**
 * Asks the engine for a ticket and its customer pane now, both at once, before React renders
 * anything for it: on open (so the invokes leave with the click, not after the render it causes)
 * and when the queue's cursor rests on a row (j/k), so Enter finds them cached. Cached, unchanged
 * ones are not asked for again.
 */
export function usePrefetchTicket(): (ticketId: string) => void {
  const desk = useDesk();
  const queryClient = useQueryClient();
  return useCallback(
    (ticketId: string) => {
      void queryClient.prefetchQuery(ticketDetailQuery(desk, ticketId));
      void queryClient.prefetchQuery(customerPaneQuery(desk, ticketId));
    },
    [desk, queryClient],
  );
}

/** Rows per `customer.tickets` call ("show all" in the customer pane). */
export const CUSTOMER_TICKETS_PAGE_SIZE = 50;

/** Pages of every ticket of the open ticket's account or requester, once the agent asks for all of them. */
export function useCustomerTickets(ticketId: string, list: CustomerTicketList, enabled: boolean) {
  const desk = useDesk();
  return useInfiniteQuery({
    queryKey: queryKeys.customerTickets(ticketId, list),
    queryFn: ({ pageParam }) => desk.invoke('customer.tickets', { ticketId, list, after: pageParam, limit: CUSTOMER_TICKETS_PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    enabled,
  });
}

export function useAgents() {
  const desk = useDesk();
  return useQuery({
    queryKey: queryKeys.agents,
    queryFn: () => desk.invoke('directory.agents'),
    select: (agents) => agents.toSorted((a, b) => a.name.localeCompare(b.name)),
  });
}

export function useTeams() {
  const desk = useDesk();
  return useQuery({ queryKey: queryKeys.teams, queryFn: () => desk.invoke('directory.teams') });
}

/** Changes the server refused; refreshed on `syncIssues.changed`. */
export function useSyncIssues(enabled = true) {
  const desk = useDesk();
  return useQuery({ queryKey: queryKeys.syncIssues, queryFn: () => desk.invoke('syncIssues.list'), enabled });
}

export function useSyncStatus() {
  const desk = useDesk();
  return useQuery({ queryKey: queryKeys.syncStatus, queryFn: () => desk.invoke('sync.status') });
}
