import { newId } from '../ids.ts';
import type { ConflictEvent, ConflictField, FieldValue, Ticket } from '../model/index.ts';
import { describeConflict, fieldPath, type ConflictNames } from '../rules/conflicts.ts';
import type { MutationTx } from './types.ts';

/** A change of one scalar field of a ticket, with the value the agent saw before making it. */
export interface FieldChange {
  field: ConflictField;
  /** The custom field's key, for customFields. */
  key?: string;
  /** What the agent saw; undefined when the client did not say (older outboxes): no check then. */
  base: FieldValue | undefined;
  /** What the agent set. */
  value: FieldValue;
}

function currentValue(ticket: Ticket, field: ConflictField, key: string | null): FieldValue {
  return field === 'customFields' ? (ticket.customFields[key ?? ''] ?? null) : ticket[field];
}

/**
 * Call before writing `ticket`. When someone else changed the field after the agent saw it, the
 * change still goes ahead (last writer wins in server commit order) and the ticket's timeline gets
 * a conflict notice naming both values, so the overwritten one can be re-applied. Server only:
 * the client cannot know what others did.
 */
export async function noteConflict(tx: MutationTx, ticket: Ticket, change: FieldChange): Promise<void> {
  if (tx.ctx.side !== 'server' || change.base === undefined) return;
  const key = change.field === 'customFields' ? (change.key ?? null) : null;
  const current = currentValue(ticket, change.field, key);
  if (current === change.base || current === change.value) return;
  const lostBy = tx.lastWriter ? await tx.lastWriter('ticket', ticket.id, fieldPath(change.field, key)) : null;
  // The agent's own change from elsewhere (another workstation) is no conflict with themself.
  if (lostBy === tx.ctx.actorId) return;
  const event: ConflictEvent = {
    type: 'conflict',
    field: change.field,
    key,
    lost: { value: current, by: lostBy },
    kept: { value: change.value, by: tx.ctx.actorId },
  };
  const names = await lookUpNames(tx, event);
  await tx.put('message', {
    id: newId(),
    ticketId: ticket.id,
    kind: 'event',
    authorType: 'system',
    authorId: null,
    body: describeConflict(event, names),
    event,
    bodyHtml: null,
    attachments: [],
    mentionIds: [],
    createdAt: tx.ctx.now,
  });
}

/** Names as they are now, for the notice's text; the event itself keeps ids. */
async function lookUpNames(tx: MutationTx, event: ConflictEvent): Promise<ConflictNames> {
  const values = [event.lost.value, event.kept.value].filter((v): v is string => typeof v === 'string');
  const agentIds = [event.kept.by, ...(event.lost.by ? [event.lost.by] : []), ...(event.field === 'assigneeId' ? values : [])];
  const agents = new Map<string, string>();
  const teams = new Map<string, string>();
  for (const id of agentIds) agents.set(id, (await tx.get('agent', id))?.name ?? 'a former agent');
  if (event.field === 'teamId') for (const id of values) teams.set(id, (await tx.get('team', id))?.name ?? 'a former team');
  return { agent: (id) => agents.get(id) ?? id, team: (id) => teams.get(id) ?? id };
}
