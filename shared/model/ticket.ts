import { z } from 'zod';
import { Id, IsoTime } from './common.ts';
import { Satisfaction } from './satisfaction.ts';

export const TicketStatus = z.enum(['new', 'open', 'pending', 'on_hold', 'solved', 'closed']);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const Priority = z.enum(['low', 'normal', 'high', 'urgent']);
export type Priority = z.infer<typeof Priority>;

export const Channel = z.enum(['email', 'chat', 'phone', 'social', 'web', 'api']);
export type Channel = z.infer<typeof Channel>;

export const CustomFieldValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);

export const Ticket = z.object({
  id: Id,
  /** Human number assigned by the server; null until the server has seen the ticket. */
  number: z.number().int().positive().nullable(),
  subject: z.string().min(1).max(500),
  status: TicketStatus,
  priority: Priority,
  channel: Channel,
  requesterId: Id,
  accountId: Id.nullable(),
  teamId: Id.nullable(),
  assigneeId: Id.nullable(),
  tags: z.array(z.string().min(1).max(100)).max(50),
  product: z.string().max(100).nullable(),
  customFields: z.record(z.string().max(100), CustomFieldValue),
  firstResponseDueAt: IsoTime.nullable(),
  resolutionDueAt: IsoTime.nullable(),
  firstResponseAt: IsoTime.nullable(),
  solvedAt: IsoTime.nullable(),
  problemId: Id.nullable(),
  /** Agents who follow the ticket (notified of customer replies). Added after the first release: older rows read []. */
  followerIds: z.array(Id).max(200).default([]),
  /** Set when the ticket was merged into another; the survivor holds its messages. Older rows read null. */
  mergedIntoId: Id.nullable().default(null),
  /** Public agent replies so far (first contact resolution: solved after one). Kept by message.add; older rows read 0. */
  replyCount: z.number().int().nonnegative().default(0),
  /** Times the ticket went from solved back to unsolved. Kept by ticket.setStatus; older rows read 0. */
  reopenCount: z.number().int().nonnegative().default(0),
  /** The customer's survey answer, written by the server when it arrives; null until then. */
  satisfaction: Satisfaction.nullable().default(null),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Ticket = z.infer<typeof Ticket>;
