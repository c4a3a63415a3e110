import type { TicketStatus } from '../model/ticket.ts';

/**
 * The ticket status machine. `new` is only ever a starting state; `closed` is final
 * (a closed ticket gets a follow-up ticket instead); only a solved ticket may close.
 * Returns why a change is refused, or null when it is allowed.
 */
export function statusChangeRefusal(from: TicketStatus, to: TicketStatus): string | null {
  if (from === to) return null;
  if (from === 'closed') return 'A closed ticket cannot change status; create a follow-up ticket instead.';
  if (to === 'new') return 'A ticket cannot be set back to New.';
  if (to === 'closed' && from !== 'solved') return 'Only a solved ticket can be closed.';
  return null;
}

/** Statuses an agent still has work in. */
export const UNSOLVED_STATUSES: readonly TicketStatus[] = ['new', 'open', 'pending', 'on_hold'];
