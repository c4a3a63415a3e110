import type { NotificationItem } from '../../../shared/ipc/features/notifications.ts';

/** One line for the list and the desktop notification: who did what, on which ticket. */
export function notificationTitle(n: NotificationItem): string {
  switch (n.type) {
    case 'assigned':
      return 'Assigned to you';
    case 'mentioned':
      return `${n.actorName ?? 'An agent'} mentioned you`;
    case 'customer_replied':
      return `${n.actorName ?? 'The customer'} replied`;
  }
}

export function ticketLabel(n: Pick<NotificationItem, 'ticketNumber' | 'ticketSubject'>): string {
  return `${n.ticketNumber !== null ? `#${n.ticketNumber} ` : ''}${n.ticketSubject}`;
}
