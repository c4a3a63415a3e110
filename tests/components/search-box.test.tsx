import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskApi } from '../../shared/ipc/contract.ts';
import type { SearchResults } from '../../shared/ipc/features/search.ts';
import type { Article } from '../../shared/model/index.ts';
import { MARK_CLOSE, MARK_OPEN } from '../../shared/rules/search-query.ts';
import { allCommands, useCommandStore } from '../../renderer/src/commands/command-store.ts';
import { alwaysOpen } from '../../renderer/src/desk/connection.ts';
import { DeskProvider } from '../../renderer/src/desk/desk-context.tsx';
import { SearchBox } from '../../renderer/src/search/SearchBox.tsx';
import { useUi } from '../../renderer/src/state/ui-store.ts';

const id = (n: number) => `0195f0a0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const T = '2026-11-01T09:00:00.000Z';

const results: SearchResults = {
  hint: null,
  indexing: false,
  groups: [
    {
      kind: 'ticket',
      hits: [
        { kind: 'ticket', id: id(1), number: 41, subject: `${MARK_OPEN}Export${MARK_CLOSE} fails`, status: 'open', priority: 'high', via: 'ticket', snippet: null, updatedAt: T },
        { kind: 'ticket', id: id(2), number: 42, subject: '<img src=x onerror=alert(1)>', status: 'new', priority: 'normal', via: 'message', snippet: `the ${MARK_OPEN}export${MARK_CLOSE} <b>broke</b>`, updatedAt: T },
      ],
    },
    { kind: 'contact', hits: [{ kind: 'contact', id: id(3), name: 'Carla', email: 'carla@x.example', accountName: 'Acme', ticketId: id(1) }] },
    { kind: 'article', hits: [{ kind: 'article', id: id(4), title: `${MARK_OPEN}Export${MARK_CLOSE}ing reports`, snippet: null, status: 'published' }] },
  ],
};
const theArticle: Article = { id: id(4), title: 'Exporting reports', body: 'Use the export button.', tags: [], product: null, status: 'published', revision: 1, authorId: null, createdAt: T, updatedAt: T };

/** A DeskApi that answers search calls with fixed data and records what it was asked. */
function fakeDesk(calls: { name: string; input: unknown }[]): DeskApi {
  const answers: Record<string, (input: unknown) => unknown> = {
    'search.query': (input) => ((input as { text: string }).text.includes('"') ? { groups: [], hint: 'Close the quote (") to search for a phrase.', indexing: false } : results),
    'search.article': () => theArticle,
    'session.get': () => ({ state: 'signed_in', serverUrl: 'https://orbit.example', workspaceName: 'Demo', agent: { id: id(9), name: 'Alex', email: 'a@x.example', role: 'agent', teamIds: [], createdAt: T, updatedAt: T } }),
  };
  return {
    invoke: ((name: string, input: unknown) => {
      calls.push({ name, input });
      return Promise.resolve(answers[name]?.(input));
    }) as DeskApi['invoke'],
    on: () => () => {},
  };
}

function mount(calls: { name: string; input: unknown }[] = []) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <DeskProvider desk={{ api: fakeDesk(calls), connection: alwaysOpen }}>
      <QueryClientProvider client={client}>
        <SearchBox />
      </QueryClientProvider>
    </DeskProvider>,
  );
}

beforeEach(() => useUi.setState({ openTicketId: null, cursorId: null, composerInsert: null, composerFocusPending: false }));
afterEach(() => {
  cleanup();
  useCommandStore.setState({ sources: new Map() });
});

const attr = (el: Element | null | undefined, name: string) => el?.getAttribute(name) ?? null;

describe('SearchBox', () => {
  it('registers "/" under Go to, which focuses the box', async () => {
    mount();
    const command = allCommands(useCommandStore.getState().sources).find((c) => c.id === 'search.focus');
    expect(command).toMatchObject({ keys: '/', section: 'Go to' });
    act(() => command?.run());
    expect(document.activeElement).toBe(screen.getByRole('combobox'));
  });

  it('searches as the agent types (debounced), shows groups with highlights as text, moves with arrows and opens with Enter', async () => {
    const user = userEvent.setup();
    const calls: { name: string; input: unknown }[] = [];
    mount(calls);
    const box = screen.getByRole('combobox', { name: 'Search tickets, customers and articles' });
    await user.click(box);
    await user.keyboard('expo');
    await screen.findByRole('group', { name: 'Tickets' });
    // One call for the settled text, not one per key.
    expect(calls.filter((c) => c.name === 'search.query').map((c) => c.input)).toEqual([{ text: 'expo', limit: 8 }]);
    expect(screen.getByRole('group', { name: 'Contacts' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Articles' })).toBeTruthy();
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(4);
    expect(options[0]?.querySelector('mark')?.textContent).toBe('Export');
    // Customer text is shown as text, never parsed as HTML.
    expect(options[1]?.querySelector('img, b')).toBeNull();
    expect(options[1]?.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(options[1]?.textContent).toContain('<b>broke</b>');

    expect(attr(box, 'aria-activedescendant')).toBe(options[0]?.id);
    await user.keyboard('{ArrowDown}');
    expect(attr(box, 'aria-activedescendant')).toBe(options[1]?.id);
    expect(attr(options[1], 'aria-selected')).toBe('true');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(attr(box, 'aria-activedescendant')).toBe(options[3]?.id);
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(useUi.getState().openTicketId).toBe(id(2));
    expect(attr(box, 'aria-expanded')).toBe('false');
  });

  it('opens a contact’s latest ticket, and an article in the reader that inserts its link into the reply', async () => {
    const user = userEvent.setup();
    mount();
    const box = screen.getByRole('combobox');
    await user.click(box);
    await user.keyboard('expo');
    await screen.findByRole('group', { name: 'Contacts' });
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(useUi.getState().openTicketId).toBe(id(1));

    await user.click(box);
    await screen.findByRole('group', { name: 'Articles' });
    await user.keyboard('{ArrowUp}{Enter}');
    const reader = await screen.findByRole('dialog', { name: 'Article' });
    expect(await screen.findByText('Use the export button.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Insert link into reply' }));
    expect(useUi.getState().composerInsert).toEqual({ ticketId: id(1), html: `<p>Exporting reports: https://orbit.example/help/articles/${id(4)}</p>` });
    expect(useUi.getState()).toMatchObject({ composerMode: 'reply', composerFocusPending: true });
    expect(reader.isConnected).toBe(false);
  });

  it('shows the hint for a query that cannot be searched, the filter help, and closes on Escape', async () => {
    const user = userEvent.setup();
    mount();
    const box = screen.getByRole('combobox');
    await user.click(box);
    await user.keyboard('"unbalanced');
    expect(await screen.findByText('Close the quote (") to search for a phrase.')).toBeTruthy();
    expect(screen.getByText(/Filters: status:open/)).toBeTruthy();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(document.activeElement).not.toBe(box));
    expect((box as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('listbox')).toBeNull();
  });
});
