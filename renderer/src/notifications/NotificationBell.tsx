import { useShell } from '../shell/shell-store.ts';
import { useNotifications } from './use-notifications.ts';

export const NOTIFICATIONS_PANEL_ID = 'notifications-panel';

/** The top bar's bell: the unread count, and the list on click. */
export function NotificationBell() {
  const open = useShell((s) => s.notificationsOpen);
  const setOpen = useShell((s) => s.setNotificationsOpen);
  const unread = useNotifications().data?.unread ?? 0;
  const label = unread > 0 ? `Notifications, ${unread} unread` : 'Notifications';
  return (
    <button
      type="button"
      className="notification-bell"
      aria-label={label}
      title={label}
      aria-expanded={open}
      aria-controls={open ? NOTIFICATIONS_PANEL_ID : undefined}
      onClick={() => setOpen(!open)}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
        <path
          fill="currentColor"
          d="M8 1.5a4 4 0 0 0-4 4v2.8L2.6 11a.6.6 0 0 0 .5.9h9.8a.6.6 0 0 0 .5-.9L12 8.3V5.5a4 4 0 0 0-4-4Zm-1.8 11.2a1.9 1.9 0 0 0 3.6 0Z"
        />
      </svg>
      {unread > 0 && (
        <span className="notification-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </button>
  );
}
