import { z } from 'zod';
import { Id } from './common.ts';
import { CustomFieldValue } from './ticket.ts';

/** Ticket fields whose concurrent changes are reported (last writer wins, the loser hears about it). */
export const ConflictField = z.enum(['status', 'priority', 'assigneeId', 'teamId', 'customFields']);
export type ConflictField = z.infer<typeof ConflictField>;

/** A value of one of those fields: a status, priority, agent or team id (or null), or a custom field's value. */
export const FieldValue = CustomFieldValue;
export type FieldValue = z.infer<typeof FieldValue>;

/**
 * Two agents changed the same ticket field without seeing each other's change. The server kept
 * the later one (commit order); `lost` is what a re-apply sets again.
 */
export const ConflictEvent = z.object({
  type: z.literal('conflict'),
  field: ConflictField,
  /** The custom field's key when `field` is customFields; null otherwise. */
  key: z.string().min(1).max(100).nullable(),
  /** The value that was overwritten, and the agent who had set it (null: not known, e.g. set by the server). */
  lost: z.object({ value: FieldValue, by: Id.nullable() }),
  /** The value that won, and the agent whose change won. */
  kept: z.object({ value: FieldValue, by: Id }),
});
export type ConflictEvent = z.infer<typeof ConflictEvent>;

/** The structured payload of a system event in a ticket's timeline. New event types join this union. */
export const MessageEvent = z.discriminatedUnion('type', [ConflictEvent]);
export type MessageEvent = z.infer<typeof MessageEvent>;
