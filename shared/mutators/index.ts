import { articleDelete } from './article-delete.ts';
import { messageAdd } from './message-add.ts';
import { ticketAssign } from './ticket-assign.ts';
import { ticketDelete } from './ticket-delete.ts';
import { ticketSetStatus } from './ticket-set-status.ts';
import type { Mutator } from './types.ts';

export * from './types.ts';
export { messageAdd, ticketAssign, ticketSetStatus };
export { articleDelete, ticketDelete };

/** Every mutator by its versioned name. The server refuses names not listed here. */
export const mutators: ReadonlyMap<string, Mutator> = new Map(
  [ticketSetStatus, ticketAssign, messageAdd, ticketDelete, articleDelete].map((m) => [m.name, m as unknown as Mutator]),
);
