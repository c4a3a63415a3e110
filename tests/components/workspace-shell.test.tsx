import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { allCommands, useCommandStore } from '../../renderer/src/commands/command-store.ts';
import { findCollisions } from '../../renderer/src/keyboard/collisions.ts';
import { Workspace } from '../../renderer/src/shell/Workspace.tsx';
import { useShell } from '../../renderer/src/shell/shell-store.ts';
import { currentTheme } from '../../renderer/src/shell/theme.ts';
import { useUi } from '../../renderer/src/state/ui-store.ts';
import type { NotificationItem } from '../../shared/ipc/features/notifications.ts';
import { contact, customerMessage, ticket } from '../unit/shared/fixtures.ts';
import { fakeDesk, installLayoutStubs, signedIn, type Answers } from './support/fake-desk.tsx';

const TICKET_ID = '0195f0a0-0000-7000-8000-0000000000f1';

beforeAll(installLayoutStubs);
afterEach(() => {
  cleanup();
  useShell.setState({ paletteOpen: false, helpOpen: false, notificationsOpen: false });
  useUi.setState({ openTicketId: null, view: 'mine' });
  localStorage.clear();
});

function renderWorkspace(answers: Answers = {}) {
  const desk = fakeDesk(answers);
  const view = render(<Workspace session={signedIn} />, { wrapper: desk.wrapper });
  return { ...desk, view };
}

const registered = () => allCommands(useCommandStore.getState().sources);

describe('the workspace shell', () => {
  it('registers every shortcut once: no two commands of the whole workspace share keys', async () => {
    renderWorkspace();
    await waitFor(() => expect(registered().length).toBeGreaterThan(10));
    const withKeys = registered().filter((c) => c.keys);
    expect(withKeys.map((c) => c.id)).toEqual(expect.arrayContaining(['queue.next', 'queue.previous', 'queue.open', 'ticket.reply', 'ticket.note', 'shell.palette', 'shell.help']));
    expect(findCollisions(registered())).toEqual([]);
  });

  it('still has unique keys with a ticket open (the ticket view registers its own commands)', async () => {
    const open = ticket({ id: TICKET_ID, status: 'open' });
    useUi.setState({ openTicketId: TICKET_ID });
    renderWorkspace({
      'ticket.get': () => ({ ticket: open, messages: [{ ...customerMessage({ ticketId: TICKET_ID }), authorName: contact.name, pendingSync: false }], requester: contact, assignee: null, team: null, pendingSync: false }),
      'customer.pane': () => null,
      'presence.set': () => ({ ticketId: TICKET_ID, agents: [] }),
    });
    await screen.findByRole('heading', { level: 1, name: open.subject });
    await waitFor(() => expect(registered().find((c) => c.id === 'ticket.reply')?.enabled).toBe(true));
    expect(findCollisions(registered())).toEqual([]);
    // s / p / a / t hand the keyboard to the field they name.
    const user = userEvent.setup();
    for (const [key, label] of [['s', 'Status'], ['p', 'Priority'], ['a', 'Assignee'], ['t', 'Add tag…']] as const) {
      (document.activeElement as HTMLElement | null)?.blur();
      await user.keyboard(key);
      const field = label === 'Add tag…' ? screen.getByPlaceholderText(label) : screen.getByLabelText(label);
      expect(document.activeElement).toBe(field);
    }
  });

  it('gives r / n to the composer even when pressed as the ticket opens, before its editor is there', async () => {
    const open = ticket({ id: TICKET_ID, status: 'open' });
    const user = userEvent.setup();
    renderWorkspace({
      'ticket.get': () => ({ ticket: open, messages: [{ ...customerMessage({ ticketId: TICKET_ID }), authorName: contact.name, pendingSync: false }], requester: contact, assignee: null, team: null, pendingSync: false }),
      'customer.pane': () => null,
      'presence.set': () => ({ ticketId: TICKET_ID, agents: [] }),
      'draft.get': () => null,
    });
    act(() => useUi.getState().openTicket(TICKET_ID));
    await screen.findByRole('heading', { level: 1, name: open.subject });
    // The composer comes a frame after the ticket is painted: the key waits for it.
    await user.keyboard('n');
    const note = await screen.findByRole('textbox', { name: 'Internal note' });
    await waitFor(() => expect(document.activeElement).toBe(note));
    (document.activeElement as HTMLElement).blur();
    await user.keyboard('r');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Reply' })));
  });

  it('asks for the ticket and its customer pane when the cursor rests on a row (j), before Enter opens it', async () => {
    const t = ticket({ id: TICKET_ID, status: 'open' });
    const row = { ...t, requesterName: contact.name, accountName: null, assigneeName: null, teamName: null, pendingSync: false, slaDueAt: null };
    const user = userEvent.setup();
    useUi.setState({ cursorId: null });
    const { calls } = renderWorkspace({
      'queue.viewPage': () => ({ rows: [row], next: null, total: 1 }),
      'ticket.get': () => ({ ticket: t, messages: [], requester: contact, assignee: null, team: null, pendingSync: false }),
      'customer.pane': () => null,
      'presence.set': () => ({ ticketId: TICKET_ID, agents: [] }),
    });
    await waitFor(() => expect(calls.some((c) => c.name === 'queue.viewPage')).toBe(true));
    const asked = (name: string) => calls.filter((c) => c.name === name && JSON.stringify(c.input).includes(TICKET_ID)).length;
    await user.keyboard('j');
    await waitFor(() => expect([asked('ticket.get'), asked('customer.pane')]).toEqual([1, 1]));
    expect(useUi.getState().openTicketId).toBeNull();
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { level: 1, name: t.subject });
  });

  it('opens the palette on Ctrl+K, lists commands by section with their keys, fuzzy-filters, and runs one with Enter', async () => {
    const user = userEvent.setup();
    renderWorkspace();
    await user.keyboard('{Control>}k{/Control}');
    const palette = await screen.findByRole('dialog', { name: 'Command palette' });
    const input = within(palette).getByRole('combobox', { name: 'Commands' });
    expect(document.activeElement).toBe(input);
    // Grouped by section, with the shortcut shown.
    expect(within(palette).getByText('Go to')).toBeTruthy();
    const help = within(palette).getByRole('option', { name: /Keyboard shortcuts/ });
    expect(help.textContent).toContain('?');
    // Fuzzy: "drk thm" finds the theme switch by title; keywords too ("appearance").
    await user.type(input, 'drk thm');
    expect(within(palette).getAllByRole('option').map((o) => o.textContent)).toEqual(['Switch to the dark theme']);
    await user.clear(input);
    await user.type(input, 'appearance');
    expect(within(palette).getAllByRole('option').map((o) => o.textContent)).toContain('Follow the system theme');
    await user.clear(input);
    await user.type(input, 'dark theme');
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull();
    expect(currentTheme()).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem('orbit.theme')).toBe('dark');
  });

  it('closes the palette on Escape and offers "Go to ticket #N" for a number', async () => {
    const user = userEvent.setup();
    const { calls } = renderWorkspace({ 'palette.ticketByNumber': (input) => ((input as { number: number }).number === 42 ? { id: TICKET_ID } : null), 'ticket.get': () => null });
    await user.keyboard('{Control>}k{/Control}');
    await screen.findByRole('dialog', { name: 'Command palette' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull();

    await user.keyboard('{Control>}k{/Control}');
    const palette = await screen.findByRole('dialog', { name: 'Command palette' });
    await user.keyboard('7');
    await user.keyboard('{Enter}');
    expect(await within(palette).findByRole('status')).toHaveProperty('textContent', 'No ticket #7 on this workstation.');
    await user.keyboard('{Backspace}42');
    expect(within(palette).getByRole('option', { name: 'Go to ticket #42' })).toBeTruthy();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(useUi.getState().openTicketId).toBe(TICKET_ID));
    expect(calls.filter((c) => c.name === 'palette.ticketByNumber').map((c) => c.input)).toEqual([{ number: 7 }, { number: 42 }]);
    expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull();
  });

  it('runs view shortcuts as sequences and leaves ticket shortcuts off with no ticket open', async () => {
    const user = userEvent.setup();
    renderWorkspace();
    await user.keyboard('gu');
    expect(useUi.getState().view).toBe('unassigned');
    await user.keyboard('ga');
    expect(useUi.getState().view).toBe('all');
    await user.keyboard('r');
    expect(useUi.getState().composerFocusPending).toBe(false);
  });

  it('shows every command with its keys on ?, grouped and searchable, and closes on Escape', async () => {
    const user = userEvent.setup();
    renderWorkspace();
    await user.keyboard('?');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const section of ['Queue', 'Ticket', 'General', 'Go to', 'View', 'Sync']) expect(within(help).getByRole('heading', { name: section })).toBeTruthy();
    expect(within(help).getByText('Next ticket in the queue').closest('.help-row')?.textContent).toContain('j');
    const search = within(help).getByRole('searchbox', { name: 'Search shortcuts' });
    expect(document.activeElement).toBe(search);
    await user.type(search, 'note');
    expect(within(help).getAllByRole('term').map((t) => t.textContent)).toEqual(['Add an internal note']);
    // Typing in the search never fires shortcuts ('n' is a note, 'o'...): still only the overlay.
    expect(useUi.getState().composerFocusPending).toBe(false);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
  });

  it('shows the unread count on the bell; the panel opens a ticket, marks it read, and marks all read', async () => {
    const user = userEvent.setup();
    let items: NotificationItem[] = [
      notification({ id: 'n2', type: 'mentioned', actorName: 'Dee', ticketNumber: 42 }),
      notification({ id: 'n1', type: 'customer_replied', actorName: 'Carla', ticketNumber: 41, ticketId: '0195f0a0-0000-7000-8000-0000000000f2' }),
    ];
    const unread = () => items.filter((n) => !n.readAt).length;
    const { calls, emit } = renderWorkspace({
      'notifications.list': () => ({ items, unread: unread() }),
      'notifications.markRead': (input) => {
        const ids = 'all' in (input as object) ? items.map((n) => n.id) : (input as { ids: string[] }).ids;
        items = items.map((n) => (ids.includes(n.id) ? { ...n, readAt: '2026-11-01T12:00:00.000Z' } : n));
        return { unread: unread() };
      },
      'ticket.get': () => null,
    });
    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    await user.click(bell);
    const panel = screen.getByRole('dialog', { name: 'Notifications' });
    await user.click(within(panel).getByRole('button', { name: /Dee mentioned you/ }));
    expect(useUi.getState().openTicketId).toBe(TICKET_ID);
    expect(calls.filter((c) => c.name === 'notifications.markRead').map((c) => c.input)).toEqual([{ ids: ['n2'] }]);
    await screen.findByRole('button', { name: 'Notifications, 1 unread' });

    // A new one arrives from the engine.
    items = [notification({ id: 'n3', type: 'assigned', ticketNumber: 43 }), ...items];
    act(() => emit('notifications.changed', { unread: 2, added: [items[0]] }));
    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Notifications' })).getByRole('button', { name: 'Mark all read' }));
    await screen.findByRole('button', { name: 'Notifications' });
  });

  it('opens the ticket a desktop notification was clicked for (notifications.open from Electron main)', async () => {
    const { emit } = renderWorkspace({ 'ticket.get': () => null });
    await screen.findByRole('button', { name: 'Notifications' });
    act(() => emit('notifications.open', { ticketId: TICKET_ID }));
    expect(useUi.getState().openTicketId).toBe(TICKET_ID);
  });
});

function notification(overrides: Partial<NotificationItem>): NotificationItem {
  return {
    id: 'n',
    type: 'assigned',
    ticketId: TICKET_ID,
    messageId: null,
    actorId: null,
    actorName: null,
    ticketNumber: null,
    ticketSubject: 'Export fails',
    createdAt: '2026-11-01T10:00:00.000Z',
    readAt: null,
    ...overrides,
  };
}

vi.setConfig({ testTimeout: 15_000 });
