/** Procedures and events of the agent workspace: in-app notifications. Spread into shared/ipc/contract.ts. */
import { z } from 'zod';
import { Id, IsoTime } from '../../model/index.ts';

export const NotificationType = z.enum(['assigned', 'mentioned', 'customer_replied']);
export type NotificationType = z.infer<typeof NotificationType>;

/** Longest list the engine keeps: the newest ones; older ones go. */
export const MAX_NOTIFICATIONS = 500;

/** Something that happened to the agent: derived by the engine from rows arriving from the server. */
export const NotificationItem = z.object({
  id: z.string().min(1).max(200),
  type: NotificationType,
  ticketId: Id,
  /** The message it is about (mentioned, customer replied); null for an assignment. */
  messageId: Id.nullable(),
  /** Who did it: an agent (mention) or a contact (reply); null when the server does not say (assignment). */
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  ticketNumber: z.number().int().nullable(),
  ticketSubject: z.string(),
  createdAt: IsoTime,
  readAt: IsoTime.nullable(),
});
export type NotificationItem = z.infer<typeof NotificationItem>;

export const NotificationsChanged = z.object({
  unread: z.number().int().nonnegative(),
  /** Notifications that just arrived (empty when some were only marked read): what a desktop notification shows. */
  added: z.array(NotificationItem),
});
export type NotificationsChanged = z.infer<typeof NotificationsChanged>;

export const notificationProcedures = {
  /** The newest notifications first, with the unread count. */
  'notifications.list': {
    input: z.object({ limit: z.number().int().min(1).max(MAX_NOTIFICATIONS).optional() }).optional(),
    output: z.object({ items: z.array(NotificationItem), unread: z.number().int().nonnegative() }),
  },
  'notifications.markRead': {
    input: z.union([z.object({ ids: z.array(z.string().min(1).max(200)).min(1).max(MAX_NOTIFICATIONS) }), z.object({ all: z.literal(true) })]),
    output: z.object({ unread: z.number().int().nonnegative() }),
  },
  /**
   * A ticket by its human number, for the command palette's "Go to ticket #N". Lives here for want of a
   * ticket-lookup feature file; null when the replica has no such ticket.
   */
  'palette.ticketByNumber': { input: z.object({ number: z.number().int().positive() }), output: z.object({ id: Id }).nullable() },
} as const;

export const notificationEvents = {
  /** Notifications arrived or were read. */
  'notifications.changed': NotificationsChanged,
  /** Sent by Electron main (never by the engine) when the agent clicks a desktop notification: open this ticket. */
  'notifications.open': z.object({ ticketId: Id }),
} as const;

/** One line for the list and the desktop notification: who did what. */
export function notificationTitle(n: Pick<NotificationItem, 'type' | 'actorName'>): string {
  switch (n.type) {
    case 'assigned':
      return 'Assigned to you';
    case 'mentioned':
      return `${n.actorName ?? 'An agent'} mentioned you`;
    case 'customer_replied':
      return `${n.actorName ?? 'The customer'} replied`;
  }
}

/** The ticket it is about: '#42 Export fails'. */
export function ticketLabel(n: Pick<NotificationItem, 'ticketNumber' | 'ticketSubject'>): string {
  return `${n.ticketNumber !== null ? `#${n.ticketNumber} ` : ''}${n.ticketSubject}`;
}
