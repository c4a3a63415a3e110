import type { ConflictEvent, Ticket } from '../model/index.ts';
import { ticketAssign } from './ticket-assign.ts';
import { ticketSetCustomFields } from './ticket-set-custom-fields.ts';
import { ticketSetPriority } from './ticket-set-priority.ts';
import { ticketSetStatus } from './ticket-set-status.ts';
import { ticketSetTeam } from './ticket-set-team.ts';
import { MutationRejected, type Mutator } from './types.ts';

/** A mutation to run, with arguments its own schema still has to check. */
export interface Reapplication {
  mutator: Mutator;
  args: unknown;
}

/**
 * The mutation that sets a conflict's overwritten value again, made on what the agent sees now:
 * its base is the ticket's current value, so it is no conflict unless someone changes it again.
 * Refused (MutationRejected) when no mutation can set that value.
 */
export function reapplication(event: ConflictEvent, ticket: Ticket): Reapplication {
  const { value } = event.lost;
  const ticketId = ticket.id;
  switch (event.field) {
    case 'status':
      return { mutator: ticketSetStatus as Mutator, args: { ticketId, status: value, base: ticket.status } };
    case 'priority':
      return { mutator: ticketSetPriority as Mutator, args: { ticketId, priority: value, base: ticket.priority } };
    case 'assigneeId':
      return { mutator: ticketAssign as Mutator, args: { ticketId, assigneeId: value, base: ticket.assigneeId } };
    case 'teamId':
      if (value === null) throw new MutationRejected('The ticket had no team then, and a ticket cannot be moved out of every team; pick a team instead.');
      return { mutator: ticketSetTeam as Mutator, args: { ticketId, teamId: value, base: ticket.teamId } };
    case 'customFields': {
      const key = event.key ?? '';
      return { mutator: ticketSetCustomFields as Mutator, args: { ticketId, fields: { [key]: value }, base: { [key]: ticket.customFields[key] ?? null } } };
    }
  }
}
