import { QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.ts';
import { createDeskApi } from '../../shared/ipc/index.ts';
import type { Ticket } from '../../shared/model/index.ts';
import { createQueryClient } from '../../renderer/src/data/query-client.ts';
import { alwaysOpen } from '../../renderer/src/desk/connection.ts';
import { DeskProvider } from '../../renderer/src/desk/desk-context.tsx';
import { useUi } from '../../renderer/src/state/ui-store.ts';
import { MergeDialog } from '../../renderer/src/ticket-actions/MergeDialog.tsx';
import { signedInReplica, tempFiles, unreachableServerUrl, type Row } from '../unit/engine/support.ts';
import { account, agentAlex, contact, customerMessage, teamA, ticket } from '../unit/shared/fixtures.ts';

/** The merge dialog against a real engine on a signed-in replica (its server out of reach: the merge waits in the outbox). */
const A = ticket({ id: '0195f0a0-0000-7000-8000-0000000004a1', number: 301, subject: 'Printer offline', status: 'open' });
const B = ticket({ id: '0195f0a0-0000-7000-8000-0000000004b1', number: 302, subject: 'Printer still offline', status: 'pending' });
const rows: Row[] = [
  { kind: 'team', row: teamA },
  { kind: 'agent', row: agentAlex },
  { kind: 'account', row: account },
  { kind: 'contact', row: contact },
  { kind: 'ticket', row: A },
  { kind: 'ticket', row: B },
  { kind: 'message', row: customerMessage({ id: '0195f0a0-0000-7000-8000-0000000004c1', ticketId: A.id, body: 'It blinks red.' }) },
];

let engine: Engine;
beforeAll(async () => {
  // jsdom has no modal dialogs; the browser's own behaviour is what the e2e journeys check.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
  const file = tempFiles()();
  await signedInReplica(file, await unreachableServerUrl(), { rows });
  engine = await Engine.open({ dbFile: file, pollIntervalMs: 0 });
});
afterAll(async () => {
  await engine.close();
});

describe('MergeDialog', () => {
  it('opened for a bulk selection, merges the others into the survivor the agent picks, then opens it', async () => {
    const desk = createDeskApi(engine);
    render(
      <DeskProvider desk={{ api: desk, connection: alwaysOpen }}>
        <QueryClientProvider client={createQueryClient()}>
          <MergeDialog />
        </QueryClientProvider>
      </DeskProvider>,
    );
    act(() => useUi.getState().openMerge([A.id, B.id]));
    // The first ticket is the survivor until the agent picks another.
    expect(await screen.findByRole('button', { name: 'Merge #302 into #301' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /#302 Printer still offline/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Merge #301 into #302' }));

    await waitFor(() => expect(useUi.getState().mergeTicketIds).toBeNull());
    expect(useUi.getState().openTicketId).toBe(B.id);
    const source = (await desk.invoke('ticket.get', { id: A.id }))?.ticket as Ticket;
    expect(source).toMatchObject({ status: 'closed', mergedIntoId: B.id });
    expect((await desk.invoke('ticket.get', { id: B.id }))?.messages.map((m) => m.body)).toEqual(['It blinks red.']);
  });
});
