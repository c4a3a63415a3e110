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

/** Ticket fields whose changes show in the activity timeline. */
export const ChangeField = z.enum(['status', 'priority', 'assigneeId', 'teamId', 'tags', 'customFields', 'followers']);
export type ChangeField = z.infer<typeof ChangeField>;

/**
 * One change of a ticket's field, written by the server as it runs the mutation (the actor is the
 * message's author). Scalars carry `from`/`to`; sets (tags, followers) carry `added`/`removed`.
 */
export const ChangeEvent = z.object({
  type: z.literal('change'),
  field: ChangeField,
  /** The custom field's key when `field` is customFields; null otherwise. */
  key: z.string().min(1).max(100).nullable(),
  from: FieldValue,
  to: FieldValue,
  added: z.array(z.string().max(100)).max(200).default([]),
  removed: z.array(z.string().max(100)).max(200).default([]),
});
export type ChangeEvent = z.infer<typeof ChangeEvent>;

/** A merge as one of its two tickets records it: on the source ("Merged #12 into #34") and on the survivor. */
export const MergeEvent = z.object({
  type: z.literal('merge'),
  /** Which side this message is on. */
  side: z.enum(['source', 'target']),
  sourceId: Id,
  targetId: Id,
  sourceNumber: z.number().int().positive().nullable(),
  targetNumber: z.number().int().positive().nullable(),
});
export type MergeEvent = z.infer<typeof MergeEvent>;

/** An incident linked to (or unlinked from, problemId null) a problem ticket, on the incident and on the problem. */
export const LinkEvent = z.object({
  type: z.literal('link'),
  side: z.enum(['incident', 'problem']),
  incidentId: Id,
  incidentNumber: z.number().int().positive().nullable(),
  /** The problem linked now; null: unlinked. */
  problemId: Id.nullable(),
  /** The problem it was linked to before; null: none. */
  previousProblemId: Id.nullable(),
  problemNumber: z.number().int().positive().nullable(),
});
export type LinkEvent = z.infer<typeof LinkEvent>;

/** The customer answered the satisfaction survey (the ticket's `satisfaction` holds the answer; this is its trace in the thread). */
export const SurveyEvent = z.object({
  type: z.literal('survey'),
  csat: z.number().int().min(1).max(5).nullable(),
  ces: z.number().int().min(1).max(7).nullable(),
  nps: z.number().int().min(0).max(10).nullable(),
  /** True when this answer replaced an earlier one. */
  replaced: z.boolean(),
});
export type SurveyEvent = z.infer<typeof SurveyEvent>;

/** The structured payload of a system event in a ticket's timeline. New event types join this union. */
export const MessageEvent = z.discriminatedUnion('type', [ConflictEvent, ChangeEvent, MergeEvent, LinkEvent, SurveyEvent]);
export type MessageEvent = z.infer<typeof MessageEvent>;

/** Events that are a record of activity (hidden when the agent turns "show activity" off). */
export const isActivityEvent = (event: MessageEvent | null): boolean => event?.type === 'change';
