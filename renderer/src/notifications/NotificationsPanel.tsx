import { notificationTitle, ticketLabel } from '../../../shared/ipc/features/notifications.ts';
import { useState } from 'react';
import { ErrorText } from '../common/ErrorText.tsx';
import { useNow } from '../common/use-now.ts';
import { formatAge, formatDateTime } from '../format/time.ts';
import { useShell } from '../shell/shell-store.ts';
import { useOverlay } from '../shell/use-overlay.ts';
import { useUi } from '../state/ui-store.ts';
import { browserNotificationsAvailable, browserNotificationsGranted, requestBrowserNotifications } from './browser-notifications.ts';
import { NOTIFICATIONS_PANEL_ID } from './NotificationBell.tsx';

import { useMarkRead, useNotifications } from './use-notifications.ts';

/** The list under the bell: newest first; a click opens the ticket and marks it read. */
export function NotificationsPanel() {
  const open = useShell((s) => s.notificationsOpen);
  return open ? <Panel /> : null;
}

function Panel() {
  const setOpen = useShell((s) => s.setNotificationsOpen);
  const openTicket = useUi((s) => s.openTicket);
  const list = useNotifications();
  const markRead = useMarkRead();
  const now = useNow();
  const [desktop, setDesktop] = useState(browserNotificationsGranted);
  const items = list.data?.items ?? [];
  const unread = list.data?.unread ?? 0;

  // Back to the bell, which opened it (focus was there, or on the page for 'g n').
  const { onKeyDown } = useOverlay(setOpen, () => document.querySelector('.notification-bell'));

  return (
    <div id={NOTIFICATIONS_PANEL_ID} role="dialog" aria-labelledby="notifications-title" className="notifications-panel" onKeyDown={onKeyDown}>
      <header className="overlay-head">
        <h2 id="notifications-title">Notifications</h2>
        <button type="button" className="button-quiet" disabled={unread === 0 || markRead.isPending} onClick={() => markRead.mutate({ all: true })}>
          Mark all read
        </button>
      </header>
      <ErrorText error={list.error ?? markRead.error} />
      {list.isSuccess && items.length === 0 && <p className="pane-note">Nothing yet. Assignments, mentions and customer replies show up here.</p>}
      <ul className="notification-list">
        {items.map((n) => (
          <li key={n.id}>
            <button
              type="button"
              autoFocus={n === items[0]}
              className={n.readAt ? 'notification-item' : 'notification-item is-unread'}
              onClick={() => {
                openTicket(n.ticketId);
                if (!n.readAt) markRead.mutate({ ids: [n.id] });
                setOpen(false);
              }}
            >
              <span className="notification-title">
                {!n.readAt && <span className="visually-hidden">Unread: </span>}
                {notificationTitle(n)}
              </span>
              <span className="notification-ticket">{ticketLabel(n)}</span>
              <time className="notification-time" dateTime={n.createdAt} title={formatDateTime(n.createdAt)}>
                {formatAge(n.createdAt, now)}
              </time>
            </button>
          </li>
        ))}
      </ul>
      {browserNotificationsAvailable() && !desktop && (
        <button type="button" className="button-link" onClick={() => void requestBrowserNotifications().then(setDesktop)}>
          Enable desktop notifications
        </button>
      )}
    </div>
  );
}
