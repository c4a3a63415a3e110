import { messageAdd } from './message-add.ts';
import { ticketAssign } from './ticket-assign.ts';
import { ticketSetStatus } from './ticket-set-status.ts';
import type { Mutator } from './types.ts';

export * from './types.ts';
export { messageAdd, ticketAssign, ticketSetStatus };

/** Every mutator by its versioned name. The server refuses names not listed here. */
export const mutators: ReadonlyMap<string, Mutator> = new Map(
  [ticketSetStatus, ticketAssign, messageAdd].map((m) => [m.name, m as unknown as Mutator]),
);
