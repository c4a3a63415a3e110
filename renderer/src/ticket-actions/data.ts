import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProcedureInput, ProcedureOutput } from '../../../shared/ipc/contract.ts';
import { useDesk } from '../desk/desk-context.tsx';
import { queryKeys } from '../data/query-keys.ts';

/**
 * Replica queries and changes of the ticket actions. Keys live under the roots `changed` events
 * invalidate: links under 'ticket' (tickets and messages change them), contact search under 'customer'.
 */
export const ticketActionKeys = {
  links: (ticketId: string) => [...queryKeys.ticket, 'links', ticketId] as const,
  findTickets: (text: string) => [...queryKeys.ticket, 'find', text] as const,
  findContacts: (text: string) => [...queryKeys.customer, 'find-contacts', text] as const,
};

export function useTicketLinks(ticketId: string) {
  const desk = useDesk();
  return useQuery({ queryKey: ticketActionKeys.links(ticketId), queryFn: () => desk.invoke('ticket.links', { ticketId }) });
}

export function useFindTickets(text: string) {
  const desk = useDesk();
  return useQuery({
    queryKey: ticketActionKeys.findTickets(text.trim()),
    queryFn: () => desk.invoke('tickets.find', { text: text.trim() }),
    enabled: text.trim().length > 0,
  });
}

export function useFindContacts(text: string) {
  const desk = useDesk();
  return useQuery({
    queryKey: ticketActionKeys.findContacts(text.trim()),
    queryFn: () => desk.invoke('contacts.find', { text: text.trim() }),
    enabled: text.trim().length > 0,
  });
}

type ActionProcedure = 'ticket.follow' | 'ticket.merge' | 'ticket.linkProblem' | 'ticket.solveProblem' | 'ticket.create';

/** A change through the outbox; everything that shows tickets refreshes (the engine's `changed` event does too). */
function useAction<N extends ActionProcedure>(name: N) {
  const desk = useDesk();
  const queryClient = useQueryClient();
  const invoke = desk.invoke as (name: N, input: ProcedureInput<N>) => Promise<ProcedureOutput<N>>;
  return useMutation({
    mutationFn: (input: ProcedureInput<N>) => invoke(name, input),
    onSettled: () => {
      for (const queryKey of [queryKeys.ticket, queryKeys.queue, queryKeys.customer]) void queryClient.invalidateQueries({ queryKey });
    },
  });
}

export const useFollow = () => useAction('ticket.follow');
export const useMerge = () => useAction('ticket.merge');
export const useLinkProblem = () => useAction('ticket.linkProblem');
export const useSolveProblem = () => useAction('ticket.solveProblem');
export const useCreateTicket = () => useAction('ticket.create');
