import { useMutation, useQueryClient } from '@tanstack/react-query';
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

/**
 * A change to one ticket. The engine also announces it with `changed`; refreshing here
 * keeps the UI right even before that event lands.
 */
function useTicketMutation<N extends TicketProcedure>(name: N) {
  const desk = useDesk();
  const queryClient = useQueryClient();
  const invoke = desk.invoke as (name: N, input: ProcedureInput<N>) => Promise<ProcedureOutput<N>>;
  return useMutation({
    mutationFn: (input: ProcedureInput<N>) => invoke(name, input),
    onSettled: (_data, _error, input) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.ticketDetail(input.ticketId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.queue });
      void queryClient.invalidateQueries({ queryKey: queryKeys.customer });
    },
  });
}

export const useReply = () => useTicketMutation('ticket.reply');
export const useSetStatus = () => useTicketMutation('ticket.setStatus');
export const useAssign = () => useTicketMutation('ticket.assign');
export const useSetPriority = () => useTicketMutation('ticket.setPriority');
export const useSetTeam = () => useTicketMutation('ticket.setTeam');
export const useAddTags = () => useTicketMutation('ticket.addTags');
export const useRemoveTags = () => useTicketMutation('ticket.removeTags');

type ReplicaProcedure = 'ticket.reapply' | 'syncIssues.retry' | 'syncIssues.discard';

/** A change not tied to one ticket the UI knows up front: refresh what may show its effect. */
function useReplicaMutation<N extends ReplicaProcedure>(name: N) {
  const desk = useDesk();
  const queryClient = useQueryClient();
  const invoke = desk.invoke as (name: N, input: ProcedureInput<N>) => Promise<ProcedureOutput<N>>;
  return useMutation({
    mutationFn: (input: ProcedureInput<N>) => invoke(name, input),
    onSettled: () => {
      for (const queryKey of [queryKeys.ticket, queryKeys.queue, queryKeys.customer, queryKeys.syncIssues]) void queryClient.invalidateQueries({ queryKey });
    },
  });
}

/** Sets again the value a conflict notice says was overwritten. */
export const useReapply = () => useReplicaMutation('ticket.reapply');
export const useRetrySyncIssue = () => useReplicaMutation('syncIssues.retry');
export const useDiscardSyncIssue = () => useReplicaMutation('syncIssues.discard');

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
