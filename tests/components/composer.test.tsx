import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Editor } from '@tiptap/react';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.ts';
import { Replica } from '../../electron/engine/replica/replica.ts';
import { alwaysOpen } from '../../renderer/src/desk/connection.ts';
import { DeskProvider } from '../../renderer/src/desk/desk-context.tsx';
import { MacroManager } from '../../renderer/src/composer/MacroManager.tsx';
import { closeMacroManager } from '../../renderer/src/composer/macro-manager-store.ts';
import { htmlToPlainText } from '../../renderer/src/composer/plain-text.ts';
import { allCommands, useCommandStore } from '../../renderer/src/commands/command-store.ts';
import { previewHtml } from '../../renderer/src/composer/Preview.tsx';
import { useUi } from '../../renderer/src/state/ui-store.ts';
import { TicketView } from '../../renderer/src/ticket/TicketView.tsx';
import { createDeskApi } from '../../shared/ipc/desk-api.ts';
import type { DeskApi, TicketDetail } from '../../shared/ipc/index.ts';
import type { Macro } from '../../shared/model/index.ts';
import { account, agentAlex, agentDee, contact, customerMessage, leadLena, T0, teamA, ticket } from '../unit/shared/fixtures.ts';
import { putRows, signedInReplica, tempFiles, unreachableServerUrl } from '../unit/engine/support.ts';

/**
 * The composer in jsdom against a real engine (real replica, real mutators, server out of reach):
 * what the agent does through the UI lands in the replica and the outbox.
 */
const newFile = tempFiles();
// The composer mounts a frame after its ticket is painted (and builds its editor then): on a loaded machine that can take longer than the default second.
configure({ asyncUtilTimeout: 5000 });

// jsdom lays nothing out; ProseMirror asks where the selection is to scroll it into view.
const noRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
Range.prototype.getClientRects ??= noRects;
Range.prototype.getBoundingClientRect ??= () => new DOMRect();
Element.prototype.scrollIntoView ??= () => {};
document.elementFromPoint ??= () => null;
const TICKET = ticket({ status: 'open', accountId: account.id });
const MACRO: Macro = {
  id: '0195f0a0-0000-7000-8000-0000000000b1',
  title: 'Ask for more details',
  body: 'Hi {{contact.first_name}},\n\ncould you send a screenshot of "{{ticket.subject}}"?\n\n{{agent.first_name}}',
  kind: 'reply',
  actions: [
    { type: 'setStatus', status: 'pending' },
    { type: 'addTags', tags: ['needs-info'] },
  ],
  ownerId: null,
  createdAt: T0,
  updatedAt: T0,
};

let engine: Engine;
let desk: DeskApi;

beforeEach(async () => {
  const file = newFile();
  await signedInReplica(file, await unreachableServerUrl());
  const replica = await Replica.open(file);
  await putRows(replica, [
    { kind: 'team', row: teamA },
    { kind: 'agent', row: agentAlex },
    { kind: 'agent', row: agentDee },
    { kind: 'agent', row: leadLena },
    { kind: 'account', row: account },
    { kind: 'contact', row: { ...contact, accountId: account.id } },
    { kind: 'ticket', row: TICKET },
    { kind: 'message', row: customerMessage() },
    { kind: 'macro', row: MACRO },
  ]);
  await replica.close();
  engine = await Engine.open({ dbFile: file, pollIntervalMs: 0 });
  desk = createDeskApi(engine);
  useUi.setState({ composerMode: 'reply', composerFocusPending: false });
});
afterEach(async () => {
  cleanup();
  await engine.close();
});
afterAll(() => useUi.setState({ composerMode: 'reply' }));

function show(ui = <TicketView ticketId={TICKET.id} meId={agentAlex.id} />) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <DeskProvider desk={{ api: desk, connection: alwaysOpen }}>
      <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>
    </DeskProvider>,
  );
}

/** The Tiptap editor behind a composer field (Tiptap hangs it on its element). */
const editorOf = (field: HTMLElement) => (field as HTMLElement & { editor: Editor }).editor;
const detail = async () => (await desk.invoke('ticket.get', { id: TICKET.id })) as TicketDetail;

describe('Composer', () => {
  it('renders a rich-text reply field with its toolbar, and toggles to an internal note', async () => {
    const user = userEvent.setup();
    show();
    const field = await screen.findByRole('textbox', { name: 'Reply' });
    expect(field.getAttribute('contenteditable')).toBe('true');
    for (const tool of ['Bold', 'Italic', 'Bulleted list', 'Numbered list', 'Inline code', 'Code block', 'Link']) expect(screen.getByRole('button', { name: tool })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Public reply' }).getAttribute('aria-pressed')).toBe('true');
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Internal note' }));
    expect(screen.getByRole('button', { name: 'Internal note' }).getAttribute('aria-pressed')).toBe('true');
    expect(await screen.findByRole('textbox', { name: 'Internal note' })).toBe(field);
    expect(useUi.getState().composerMode).toBe('note');
  });

  it('suggests agents after @ in a note and sends the mention with the note, as HTML and plain text', async () => {
    const user = userEvent.setup();
    show();
    await user.click(await screen.findByRole('button', { name: 'Internal note' }));
    const field = await screen.findByRole('textbox', { name: 'Internal note' });
    const editor = editorOf(field);
    await waitFor(() => expect(editor).toBeDefined());
    await waitFor(async () => expect((await desk.invoke('directory.agents')).length).toBe(3));
    act(() => {
      editor.chain().focus().insertContent('Can you check this, ').run();
    });
    act(() => {
      editor.chain().focus().insertContent('@De').run();
    });
    const list = await screen.findByRole('listbox', { name: 'Mention an agent' });
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual([`${agentDee.name} ${agentDee.email}`]);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('listbox', { name: 'Mention an agent' })).toBeNull());
    expect(field.querySelector('[data-type="mention"]')?.textContent).toBe('@Dee');

    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(async () => expect((await detail()).messages).toHaveLength(2));
    const note = (await detail()).messages[1];
    expect(note).toMatchObject({ kind: 'note', mentionIds: [agentDee.id], body: 'Can you check this, @Dee' });
    expect(note?.bodyHtml).toContain('data-type="mention"');
    await waitFor(() => expect(editor.isEmpty).toBe(true));
  });

  it('never offers mentions in a public reply', async () => {
    show();
    const field = await screen.findByRole('textbox', { name: 'Reply' });
    act(() => {
      editorOf(field).chain().focus().insertContent('@De').run();
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('listbox', { name: 'Mention an agent' })).toBeNull();
  });

  it('applies a macro: fills the reply with the customer’s first name and runs its actions', async () => {
    const user = userEvent.setup();
    show();
    const field = await screen.findByRole('textbox', { name: 'Reply' });
    await user.click(screen.getByRole('button', { name: 'Macro' }));
    const picker = await screen.findByRole('dialog', { name: 'Apply a macro' });
    await user.type(within(picker).getByRole('combobox', { name: 'Search macros' }), 'details');
    await within(picker).findByRole('option', { name: /Ask for more details/ });
    await user.keyboard('{Enter}');

    await waitFor(() => expect(field.textContent).toContain('Hi Carla,'));
    expect(field.textContent).toContain(`could you send a screenshot of "${TICKET.subject}"?`);
    expect(field.textContent).toContain('Alex');
    await waitFor(async () => expect((await detail()).ticket).toMatchObject({ status: 'pending', tags: ['needs-info'] }));
    expect(useUi.getState().composerMode).toBe('reply');
  });

  it('highlights a placeholder it cannot fill, and asks before sending it', async () => {
    const user = userEvent.setup();
    show();
    const field = await screen.findByRole('textbox', { name: 'Reply' });
    act(() => {
      editorOf(field).chain().focus().insertContent('Hello {{contact.nickname}}').run();
    });
    expect((await screen.findByText(/^Not filled:/)).textContent).toContain('{{contact.nickname}}');
    expect(field.querySelector('.placeholder-missing')?.textContent).toBe('{{contact.nickname}}');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const ask = await screen.findByRole('alertdialog');
    expect(ask.getAttribute('aria-label')).toMatch(/\{\{contact\.nickname\}\} is not filled in/);
    await user.click(within(ask).getByRole('button', { name: 'Edit' }));
    expect((await detail()).messages).toHaveLength(1);
  });
});

describe('Composer drafts and preview', () => {
  it('keeps the draft in the engine and brings it back when the ticket is opened again', async () => {
    const first = show();
    const field = await screen.findByRole('textbox', { name: 'Reply' });
    act(() => {
      editorOf(field).chain().focus().insertContent('<p>Half <strong>written</strong></p>').run();
    });
    await waitFor(async () => expect(await desk.invoke('draft.get', { ticketId: TICKET.id })).toMatchObject({ mode: 'reply', html: '<p>Half <strong>written</strong></p>', baseMessageId: customerMessage().id }), { timeout: 3000 });
    first.unmount();
    show();
    const again = await screen.findByRole('textbox', { name: 'Reply' });
    await waitFor(() => expect(again.innerHTML).toContain('Half <strong>written</strong>'));
  });

  it('previews a reply as the customer gets it, and a note as internal', async () => {
    const user = userEvent.setup();
    show();
    const field = await screen.findByRole('textbox', { name: 'Reply' });
    act(() => {
      editorOf(field).chain().focus().insertContent('<p>See <a href="https://docs.example/x">the guide</a></p>').run();
    });
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(preview.textContent).toContain(`What ${contact.name} receives by email:`);
    expect(within(preview).getByRole('link', { name: 'the guide' }).getAttribute('href')).toBe('https://docs.example/x');
    expect(preview.textContent).toContain('See the guide (https://docs.example/x)');
    await user.click(screen.getByRole('button', { name: 'Internal note' }));
    expect(screen.getByRole('region', { name: 'Preview' }).textContent).toContain('Internal note, not sent');
  });
});

describe('htmlToPlainText and previewHtml', () => {
  it('renders paragraphs, lists, links and code as plain text', () => {
    const html = '<p>Hi <strong>Carla</strong>,</p><ul><li><p>one</p></li><li><p>two</p><ol><li><p>deep</p></li></ol></li></ul><ol start="3"><li><p>three</p></li></ol><p>See <a href="https://x.example/a">docs</a> or <a href="https://x.example">https://x.example</a><br>bye</p><pre><code>line 1\nline 2</code></pre>';
    expect(htmlToPlainText(html)).toBe('Hi Carla,\n\n- one\n- two\n  1. deep\n\n3. three\n\nSee docs (https://x.example/a) or https://x.example\nbye\n\nline 1\nline 2');
  });

  it('sanitizes what it shows and marks leftover placeholders', () => {
    const shown = previewHtml('<p onclick="x()">Hi {{account.name}}<img src=x onerror="alert(1)"><script>alert(2)</script></p>');
    // Exactly as the thread will show it: the composer's tags only (no image, handler or script).
    expect(shown).toBe('<p>Hi <mark class="placeholder-missing">{{account.name}}</mark></p>');
  });
});

describe('MacroManager', () => {
  afterEach(() => act(() => closeMacroManager()));

  it('is reachable from the palette, and creates, edits and deletes a personal macro', async () => {
    const user = userEvent.setup();
    show(<MacroManager />);
    const command = allCommands(useCommandStore.getState().sources).find((c) => c.id === 'macro.manage');
    expect(command).toMatchObject({ title: 'Manage macros', section: 'Composer' });
    act(() => command?.run());
    const dialog = await screen.findByRole('dialog', { name: 'Macros' });
    await within(dialog).findByText(MACRO.title);
    // A shared macro is a lead's to change: an agent gets no Edit for it.
    expect(within(dialog).queryByRole('button', { name: `Edit ${MACRO.title}` })).toBeNull();

    await user.click(within(dialog).getByRole('button', { name: 'New macro' }));
    expect((within(dialog).getByLabelText('Shared with everyone', { exact: false }) as HTMLInputElement).disabled).toBe(true);
    await user.type(within(dialog).getByLabelText('Title'), 'Thanks');
    await user.type(within(dialog).getByLabelText('Text'), 'Thanks {{{{contact.first_name}}!');
    await user.selectOptions(within(dialog).getByLabelText('Set status'), 'solved');
    await user.type(within(dialog).getByLabelText('Add tags'), 'thanked, happy');
    await user.click(within(dialog).getByRole('button', { name: 'Save macro' }));
    await within(dialog).findByRole('button', { name: 'Edit Thanks' });
    const saved = (await desk.invoke('macro.list')).find((m) => m.title === 'Thanks');
    expect(saved).toMatchObject({ body: 'Thanks {{contact.first_name}}!', kind: 'reply', ownerId: agentAlex.id, actions: [{ type: 'setStatus', status: 'solved' }, { type: 'addTags', tags: ['thanked', 'happy'] }] });

    await user.click(within(dialog).getByRole('button', { name: 'Edit Thanks' }));
    await user.selectOptions(within(dialog).getByLabelText('Goes in as'), 'note');
    await user.click(within(dialog).getByRole('button', { name: 'Save macro' }));
    await waitFor(async () => expect((await desk.invoke('macro.list')).find((m) => m.id === saved?.id)).toMatchObject({ kind: 'note', actions: saved?.actions }));

    await user.click(await within(dialog).findByRole('button', { name: 'Delete Thanks' }));
    await user.click(within(dialog).getByRole('button', { name: 'Really delete Thanks' }));
    await waitFor(async () => expect((await desk.invoke('macro.list')).map((m) => m.title)).toEqual([MACRO.title]));
  });
});
