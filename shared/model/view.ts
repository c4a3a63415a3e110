import { z } from 'zod';
import { Channel, Priority, TicketStatus } from './ticket.ts';
import { Id, IsoTime } from './common.ts';

/** What a queue can be sorted by; every sort ends on the ticket id so pages never skip or repeat rows. */
export const ViewSortField = z.enum(['updatedAt', 'createdAt', 'priority', 'slaDueAt', 'number']);
export type ViewSortField = z.infer<typeof ViewSortField>;

/** Columns a queue can show besides the subject (always shown). */
export const ViewColumn = z.enum(['number', 'status', 'priority', 'requester', 'account', 'assignee', 'team', 'channel', 'tags', 'sla', 'updatedAt', 'createdAt']);
export type ViewColumn = z.infer<typeof ViewColumn>;

/** What a queue shows when nobody chose: the built-in views' columns, and a new view's. */
export const DEFAULT_VIEW_COLUMNS: readonly ViewColumn[] = ['number', 'status', 'priority', 'sla', 'requester', 'account', 'assignee', 'createdAt'];

/** A date filter: relative (last N days) so a saved view keeps meaning something tomorrow. */
export const DateFilter = z.object({ field: z.enum(['createdAt', 'updatedAt', 'solvedAt']), withinDays: z.number().int().min(1).max(3650) });

/**
 * The filters of a queue. Every present list is "any of"; the filters combine with AND.
 * `assigneeIds` may hold the literal 'me' (whoever looks) and 'none' (unassigned); `teamIds` may hold 'mine'.
 */
export const ViewFilter = z.object({
  statuses: z.array(TicketStatus).max(6).optional(),
  priorities: z.array(Priority).max(4).optional(),
  teamIds: z.array(z.union([Id, z.literal('mine'), z.literal('none')])).max(100).optional(),
  assigneeIds: z.array(z.union([Id, z.literal('me'), z.literal('none')])).max(200).optional(),
  tags: z.array(z.string().min(1).max(100)).max(50).optional(),
  channels: z.array(Channel).max(6).optional(),
  products: z.array(z.string().min(1).max(100)).max(50).optional(),
  accountIds: z.array(Id).max(100).optional(),
  sla: z.enum(['breached', 'at_risk', 'ok']).optional(),
  dates: z.array(DateFilter).max(3).optional(),
});
export type ViewFilter = z.infer<typeof ViewFilter>;

/** A saved custom queue. Personal views show only to their owner; shared ones to everyone. Synced in the org scope. */
export const SavedView = z.object({
  id: Id,
  name: z.string().min(1).max(100),
  ownerId: Id,
  shared: z.boolean(),
  filter: ViewFilter,
  sort: z.object({ field: ViewSortField, direction: z.enum(['asc', 'desc']) }),
  columns: z.array(ViewColumn).max(12),
  position: z.number().int().nonnegative(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type SavedView = z.infer<typeof SavedView>;
