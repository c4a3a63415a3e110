import { describe, expect, it } from 'vitest';
import type { NotificationConstructorOptions } from 'electron';
import { showNativeNotifications } from '../../../electron/main/native-notifications.ts';
import { EVENT_CHANNEL } from '../../../shared/ipc/channels.ts';
import type { NotificationItem } from '../../../shared/ipc/features/notifications.ts';

const TICKET = '0195f0a0-0000-7000-8000-0000000000f1';
const item = (overrides: Partial<NotificationItem>): NotificationItem => ({
  id: 'n1',
  type: 'mentioned',
  ticketId: TICKET,
  messageId: null,
  actorId: null,
  actorName: 'Dee',
  ticketNumber: 42,
  ticketSubject: 'Export fails',
  createdAt: '2026-11-01T10:00:00.000Z',
  readAt: null,
  ...overrides,
});

/** Electron's Notification and window replaced by stand-ins (the binary cannot run here); the engine side is a plain event source. */
function setup(focused: boolean) {
  const shown: { options: NotificationConstructorOptions; click?: () => void }[] = [];
  class FakeNotification {
    static isSupported = () => true;
    readonly entry: (typeof shown)[number];
    constructor(options: NotificationConstructorOptions) {
      this.entry = { options };
    }
    on(_event: 'click', listener: () => void) {
      this.entry.click = listener;
    }
    show() {
      shown.push(this.entry);
    }
  }
  const sent: unknown[][] = [];
  const win = { isFocused: () => focused, isDestroyed: () => false, webContents: { send: (...args: unknown[]) => void sent.push(args) } };
  let listener: (event: string, payload: unknown) => void = () => undefined;
  const focusedWindows: unknown[] = [];
  showNativeNotifications({
    engine: { on: (l) => ((listener = l), () => undefined) },
    Notification: FakeNotification,
    window: () => win as never,
    focusWindow: (w) => void focusedWindows.push(w),
  });
  return { shown, sent, focusedWindows, emit: (event: string, payload: unknown) => listener(event, payload), win };
}

describe('native notifications (Electron main)', () => {
  it('shows new ones while the window is in the background; a click focuses it and opens the ticket', () => {
    const { shown, sent, focusedWindows, emit, win } = setup(false);
    emit('notifications.changed', { unread: 1, added: [item({})] });
    expect(shown.map((s) => [s.options.title, s.options.body])).toEqual([['Dee mentioned you', '#42 Export fails']]);
    shown[0]!.click!();
    expect(focusedWindows).toEqual([win]);
    expect(sent).toEqual([[EVENT_CHANNEL, 'notifications.open', { ticketId: TICKET }]]);
  });

  it('stays quiet with the window focused, for reads, other events and malformed payloads; caps a burst', () => {
    const focused = setup(true);
    focused.emit('notifications.changed', { unread: 1, added: [item({})] });
    expect(focused.shown).toEqual([]);
    const { shown, emit } = setup(false);
    emit('notifications.changed', { unread: 0, added: [] });
    emit('changed', { kinds: ['ticket'] });
    emit('notifications.changed', { added: 'nonsense' });
    expect(shown).toEqual([]);
    emit('notifications.changed', { unread: 5, added: [1, 2, 3, 4, 5].map((i) => item({ id: `n${i}`, type: 'assigned' })) });
    expect(shown).toHaveLength(3);
    expect(shown[2]!.options.body).toBe('#42 Export fails (and 2 more)');
  });
});
