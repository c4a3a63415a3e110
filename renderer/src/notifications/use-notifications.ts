import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useDesk } from '../desk/desk-context.tsx';
import { useUi } from '../state/ui-store.ts';
import { showBrowserNotification } from './browser-notifications.ts';

export const notificationsKey = ['notifications'] as const;

export function useNotifications() {
  const desk = useDesk();
  return useQuery({ queryKey: notificationsKey, queryFn: () => desk.invoke('notifications.list', {}) });
}

export function useMarkRead() {
  const desk = useDesk();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { ids: string[] } | { all: true }) => desk.invoke('notifications.markRead', input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

/**
 * Keeps the list in step with the engine, opens the ticket of a clicked desktop notification
 * (Electron main sends `notifications.open`), and in a browser shows new ones natively when the
 * agent allowed it and the page is in the background.
 */
export function useNotificationEvents(): void {
  const desk = useDesk();
  const queryClient = useQueryClient();
  const openTicket = useUi((s) => s.openTicket);
  useEffect(() => {
    const offChanged = desk.on('notifications.changed', ({ added }) => {
      void queryClient.invalidateQueries({ queryKey: notificationsKey });
      for (const n of added) showBrowserNotification(n, () => openTicket(n.ticketId));
    });
    const offOpen = desk.on('notifications.open', ({ ticketId }) => openTicket(ticketId));
    // Subjects and numbers shown in the list come from tickets.
    const offRows = desk.on('changed', ({ kinds }) => {
      if (kinds.includes('ticket')) void queryClient.invalidateQueries({ queryKey: notificationsKey });
    });
    return () => {
      offChanged();
      offOpen();
      offRows();
    };
  }, [desk, queryClient, openTicket]);
}
