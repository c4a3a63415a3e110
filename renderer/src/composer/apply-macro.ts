import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Macro, Ticket } from '../../../shared/model/index.ts';
import { useDesk } from '../desk/desk-context.tsx';
import { queryKeys } from '../data/query-keys.ts';

/**
 * Runs a macro's actions on the ticket, in order, as the same mutations the ticket controls make
 * (each one durable in the outbox, offline too). Stops at the first refusal and throws it, so the
 * agent sees what did not happen. An action that changes nothing is skipped.
 */
export function useRunMacroActions() {
  const desk = useDesk();
  const queryClient = useQueryClient();
  return useCallback(
    async (macro: Macro, ticket: Ticket, meId: string) => {
      try {
        for (const action of macro.actions) {
          switch (action.type) {
            case 'setStatus':
              if (action.status !== ticket.status) await desk.invoke('ticket.setStatus', { ticketId: ticket.id, status: action.status, base: ticket.status });
              break;
            case 'setPriority':
              if (action.priority !== ticket.priority) await desk.invoke('ticket.setPriority', { ticketId: ticket.id, priority: action.priority, base: ticket.priority });
              break;
            case 'addTags':
              await desk.invoke('ticket.addTags', { ticketId: ticket.id, tags: action.tags });
              break;
            case 'removeTags':
              await desk.invoke('ticket.removeTags', { ticketId: ticket.id, tags: action.tags });
              break;
            case 'assign': {
              const assigneeId = action.assigneeId === 'me' ? meId : action.assigneeId;
              if (assigneeId !== ticket.assigneeId) await desk.invoke('ticket.assign', { ticketId: ticket.id, assigneeId, base: ticket.assigneeId });
              break;
            }
            case 'setTeam':
              // A ticket always has a team; "no team" in a macro means leave it.
              if (action.teamId !== null && action.teamId !== ticket.teamId) await desk.invoke('ticket.setTeam', { ticketId: ticket.id, teamId: action.teamId, base: ticket.teamId });
              break;
          }
        }
      } finally {
        for (const queryKey of [queryKeys.ticketDetail(ticket.id), queryKeys.queue, queryKeys.customer]) void queryClient.invalidateQueries({ queryKey });
      }
    },
    [desk, queryClient],
  );
}

/** The actions in words, for the picker and the manager. */
export function describeActions(macro: Pick<Macro, 'actions'>): string {
  return macro.actions
    .map((a) => {
      switch (a.type) {
        case 'setStatus':
          return `status ${a.status.replace('_', ' ')}`;
        case 'setPriority':
          return `priority ${a.priority}`;
        case 'addTags':
          return `+${a.tags.join(' +')}`;
        case 'removeTags':
          return `−${a.tags.join(' −')}`;
        case 'assign':
          return a.assigneeId === 'me' ? 'assign to me' : a.assigneeId === null ? 'unassign' : 'assign';
        case 'setTeam':
          return 'set team';
      }
    })
    .join(', ');
}
