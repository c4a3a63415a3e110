import { Priority } from '../../shared/model/index.ts';

/**
 * The i-th change of a run of priority changes over `tickets`: round r gives every ticket the
 * next priority in turn, so consecutive changes of one ticket always differ (each is a real write).
 */
export function priorityChange(tickets: readonly string[], i: number, offset = 0): { ticketId: string; priority: Priority } {
  const round = Math.floor(i / tickets.length) + offset;
  return { ticketId: tickets[i % tickets.length] as string, priority: Priority.options[round % Priority.options.length] as Priority };
}
