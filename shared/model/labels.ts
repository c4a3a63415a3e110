import type { Priority, TicketStatus } from './ticket.ts';

/** How statuses and priorities read to an agent: in the UI, in sync issues and in conflict notices. */
export const statusLabel: Record<TicketStatus, string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  on_hold: 'On hold',
  solved: 'Solved',
  closed: 'Closed',
};

export const priorityLabel: Record<Priority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };
