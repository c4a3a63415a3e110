import { notificationTitle, ticketLabel, type NotificationItem } from '../../../shared/ipc/features/notifications.ts';


/**
 * Desktop notifications in the browser host (Electron main shows its own): the Web Notification
 * API, only once the agent granted it from a click, and only while the page is not in front.
 */
export function browserNotificationsAvailable(): boolean {
  return !window.desk && typeof window.Notification === 'function';
}

export function browserNotificationsGranted(): boolean {
  return browserNotificationsAvailable() && window.Notification.permission === 'granted';
}

/** Call from a click: browsers only ask then. */
export async function requestBrowserNotifications(): Promise<boolean> {
  if (!browserNotificationsAvailable()) return false;
  return (await window.Notification.requestPermission()) === 'granted';
}

export function showBrowserNotification(n: NotificationItem, onClick: () => void): void {
  if (!browserNotificationsGranted() || document.hasFocus()) return;
  const shown = new window.Notification(notificationTitle(n), { body: ticketLabel(n), tag: n.id });
  shown.onclick = () => {
    window.focus();
    onClick();
    shown.close();
  };
}
