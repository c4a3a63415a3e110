import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { ProcedureInput, ProcedureOutput } from '../../../shared/ipc/contract.ts';
import type { Session } from '../../../shared/ipc/views.ts';
import { useDesk } from '../desk/desk-context.tsx';
import { queryKeys } from './query-keys.ts';

type TicketProcedure =
  | 'ticket.reply'
  | 'ticket.setStatus'
  | 'ticket.assign'
  | 'ticket.setPriority'
  | 'ticket.setTeam'
  | 'ticket.addTags'
  | 'ticket.removeTags'
  | 'ticket.setCustomFields';
type ReplicaProcedure = TicketProcedure | 'ticket.reapply' | 'syncIssues.retry' | 'syncIssues.discard' | 'views.save' | 'views.delete';

/**
 * A change to replica data. The engine also announces it with `changed`; refreshing what shows it
 * here keeps the UI right even before that event lands.
 */
function useReplicaMutation<N extends ReplicaProcedure>(name: N, shownBy: (input: ProcedureInput<N>) => readonly QueryKey[]) {
  const desk = useDesk();
  const queryClient = useQueryClient();
  const invoke = desk.invoke as (name: N, input: ProcedureInput<N>) => Promise<ProcedureOutput<N>>;
  return useMutation({
    mutationFn: (input: ProcedureInput<N>) => invoke(name, input),
    onSettled: (_data, _error, input) => {
      for (const queryKey of shownBy(input)) void queryClient.invalidateQueries({ queryKey });
    },
  });
}

/** A change to one ticket: that ticket, the queues and the customer pane show it. */
const useTicketMutation = <N extends TicketProcedure>(name: N) =>
  useReplicaMutation(name, (input) => [queryKeys.ticketDetail(input.ticketId), queryKeys.queue, queryKeys.customer]);

export const useReply = () => useTicketMutation('ticket.reply');
export const useSetStatus = () => useTicketMutation('ticket.setStatus');
export const useAssign = () => useTicketMutation('ticket.assign');
export const useSetPriority = () => useTicketMutation('ticket.setPriority');
export const useSetTeam = () => useTicketMutation('ticket.setTeam');
export const useAddTags = () => useTicketMutation('ticket.addTags');
export const useRemoveTags = () => useTicketMutation('ticket.removeTags');

/** A change whose ticket the UI does not hold up front: whatever may show its effect. */
const anyTicket = () => [queryKeys.ticket, queryKeys.queue, queryKeys.customer, queryKeys.syncIssues];

/** Sets again the value a conflict notice says was overwritten. */
export const useReapply = () => useReplicaMutation('ticket.reapply', anyTicket);
export const useRetrySyncIssue = () => useReplicaMutation('syncIssues.retry', anyTicket);
export const useDiscardSyncIssue = () => useReplicaMutation('syncIssues.discard', anyTicket);

/** Saved views: the navigation and the queues show them. */
export const useSaveView = () => useReplicaMutation('views.save', () => [queryKeys.queue]);
export const useDeleteView = () => useReplicaMutation('views.delete', () => [queryKeys.queue]);

type SessionProcedure = 'session.login' | 'session.logout';

/** Signing in or out. A new session (or none) makes every cached replica query meaningless. */
function useSessionChange<N extends SessionProcedure>(name: N) {
  const desk = useDesk();
  const queryClient = useQueryClient();
  const invoke = desk.invoke as (name: N, input: ProcedureInput<N>) => Promise<Session>;
  return useMutation({
    mutationFn: (input: ProcedureInput<N>) => invoke(name, input),
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.session[0] });
      queryClient.setQueryData(queryKeys.session, session);
    },
  });
}

export const useLogin = () => useSessionChange('session.login');
export const useLogout = () => useSessionChange('session.logout');

export function useSyncNow() {
  const desk = useDesk();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => desk.invoke('sync.now'),
    onSuccess: (status) => queryClient.setQueryData(queryKeys.syncStatus, status),
  });
}
