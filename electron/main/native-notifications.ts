import type { BrowserWindow, NotificationConstructorOptions } from 'electron';
import { EVENT_CHANNEL } from '../../shared/ipc/channels.ts';
import type { DeskTransport } from '../../shared/ipc/envelope.ts';
import { NotificationsChanged, notificationTitle, ticketLabel } from '../../shared/ipc/features/notifications.ts';

/** At most this many desktop notifications per batch; a burst (catching up after a night offline) says "and N more". */
const MAX_SHOWN = 3;

interface NativeNotification {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}

export interface NativeNotificationDeps {
  engine: Pick<DeskTransport, 'on'>;
  /** Electron's Notification class (a stand-in in tests). */
  Notification: { new (options: NotificationConstructorOptions): NativeNotification; isSupported(): boolean };
  /** The window to focus and tell which ticket to open. */
  window(): Pick<BrowserWindow, 'isFocused' | 'isDestroyed' | 'webContents'> | undefined;
  focusWindow(win: ReturnType<NativeNotificationDeps['window']>): void;
}

/**
 * Desktop notifications for what the engine just derived (assigned, mentioned, customer replied),
 * only while the window is not focused (in front, the bell says it). A click focuses the window and
 * asks the renderer to open the ticket (`notifications.open` on the one event channel).
 */
export function showNativeNotifications(deps: NativeNotificationDeps): () => void {
  return deps.engine.on((event, payload) => {
    if (event !== 'notifications.changed') return;
    const parsed = NotificationsChanged.safeParse(payload);
    if (!parsed.success || parsed.data.added.length === 0) return;
    const win = deps.window();
    if (!win || win.isDestroyed() || win.isFocused() || !deps.Notification.isSupported()) return;
    const { added } = parsed.data;
    added.slice(0, MAX_SHOWN).forEach((n, i) => {
      const more = i === MAX_SHOWN - 1 && added.length > MAX_SHOWN ? ` (and ${added.length - MAX_SHOWN} more)` : '';
      const shown = new deps.Notification({ title: notificationTitle(n), body: `${ticketLabel(n)}${more}`, silent: false });
      shown.on('click', () => {
        const target = deps.window();
        if (!target || target.isDestroyed()) return;
        deps.focusWindow(target);
        target.webContents.send(EVENT_CHANNEL, 'notifications.open', { ticketId: n.ticketId });
      });
      shown.show();
    });
  });
}
