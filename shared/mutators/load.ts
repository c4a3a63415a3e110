import type { EntityKind, EntityOf, Ticket } from '../model/index.ts';
import { closedTicketRefusal } from '../rules/ticket-edits.ts';
import { MutationRejected, type MutationTx } from './types.ts';

/** Reads a row a mutation needs, refusing the mutation when it does not exist. */
export async function mustGet<K extends EntityKind>(tx: MutationTx, kind: K, id: string): Promise<EntityOf<K>> {
  const row = await tx.get(kind, id);
  if (!row) throw new MutationRejected(`No ${kind} with id ${id}.`);
  return row;
}

/** Reads a ticket whose fields a mutation is about to change, refusing a closed one. */
export async function mustGetEditableTicket(tx: MutationTx, id: string): Promise<Ticket> {
  const ticket = await mustGet(tx, 'ticket', id);
  const refusal = closedTicketRefusal(ticket);
  if (refusal) throw new MutationRejected(refusal);
  return ticket;
}
