import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.ts';
import { createDeskApi } from '../../shared/ipc/desk-api.ts';
import { unwrapDeskResult } from '../../shared/ipc/envelope.ts';
import type { Ticket } from '../../shared/model/index.ts';
import { createQueryClient } from '../../renderer/src/data/query-client.ts';
import { alwaysOpen } from '../../renderer/src/desk/connection.ts';
import { DeskProvider } from '../../renderer/src/desk/desk-context.tsx';
import { BulkBar } from '../../renderer/src/queue/BulkBar.tsx';
import { BULK_IN_FLIGHT, bulkSummary, pickRange, rangeAnchor, runBulk } from '../../renderer/src/queue/selection.ts';
import { useUi } from '../../renderer/src/state/ui-store.ts';
import { agentAlex, agentDee, contact, teamA, ticket } from '../unit/shared/fixtures.ts';
import { signedInReplica, tempFiles, unreachableServerUrl, type Row } from '../unit/engine/support.ts';

/** The bulk bar against a real engine on a signed-in replica whose server is out of reach: every change is a real mutation on the replica. */
const open1 = ticket({ id: '0195f0a0-0000-7000-8000-0000000000f1', number: 1, status: 'open' });
const open2 = ticket({ id: '0195f0a0-0000-7000-8000-0000000000f2', number: 2, status: 'new' });
const closed = ticket({ id: '0195f0a0-0000-7000-8000-0000000000f3', number: 3, status: 'closed' });
const newFile = tempFiles();
let engine: Engine;

beforeAll(async () => {
  const file = newFile();
  const rows: Row[] = [
    { kind: 'team', row: teamA },
    { kind: 'agent', row: agentAlex },
    { kind: 'agent', row: agentDee },
    { kind: 'contact', row: contact },
    ...[open1, open2, closed].map((row): Row => ({ kind: 'ticket', row })),
  ];
  await signedInReplica(file, await unreachableServerUrl(), { rows });
  engine = await Engine.open({ dbFile: file, pollIntervalMs: 0 });
});
afterAll(() => engine.close());
afterEach(() => {
  cleanup();
  act(() => useUi.setState({ selectedIds: [], mergeTicketIds: null }));
});

const shown = async (id: string) => ((unwrapDeskResult(await engine.invoke('ticket.get', { id })) as { ticket: Ticket }).ticket);

function renderBar() {
  return render(
    <DeskProvider desk={{ api: createDeskApi(engine), connection: alwaysOpen }}>
      <QueryClientProvider client={createQueryClient()}>
        <BulkBar />
      </QueryClientProvider>
    </DeskProvider>,
  );
}

describe('BulkBar', () => {
  it('shows nothing until tickets are picked', () => {
    const view = renderBar();
    expect(view.container.textContent).toBe('');
  });

  it('runs one change per ticket and reports how many changed and why the others were refused', async () => {
    act(() => useUi.setState({ selectedIds: [open1.id, closed.id, open2.id] }));
    renderBar();
    const bar = screen.getByRole('region', { name: 'Bulk actions' });
    expect(bar.textContent).toContain('3 selected');
    fireEvent.change(within(bar).getByLabelText('Set status of selected'), { target: { value: 'pending' } });
    await waitFor(() => expect(within(bar).getByRole('status').textContent).toContain('Status: Pending: 2 changed, 1 refused'));
    expect(within(bar).getByRole('status').textContent).toContain('A closed ticket cannot change status');
    expect((await shown(open1.id)).status).toBe('pending');
    expect((await shown(open2.id)).status).toBe('pending');
    expect((await shown(closed.id)).status).toBe('closed');

    // Assign to an agent from the directory; tags added to every open ticket.
    await waitFor(() => expect(within(bar).getByRole('option', { name: 'Dee' })).toBeTruthy());
    fireEvent.change(within(bar).getByLabelText('Assign selected to'), { target: { value: agentDee.id } });
    await waitFor(() => expect(within(bar).getByRole('status').textContent).toContain('Assign to Dee: 2 changed, 1 refused'));
    expect((await shown(open2.id)).assigneeId).toBe(agentDee.id);
    fireEvent.change(within(bar).getByLabelText('Tags for selected (comma separated)'), { target: { value: 'Bulk One, bulk-two' } });
    fireEvent.click(within(bar).getByRole('button', { name: 'Add tags' }));
    await waitFor(() => expect(within(bar).getByRole('status').textContent).toContain('2 changed, 1 refused'));
    expect((await shown(open1.id)).tags).toEqual(['bulk-one', 'bulk-two']);
  });

  it('"Select all in view" picks every ticket of the shown view', async () => {
    act(() => useUi.setState({ view: 'all', savedViewId: null, selectedIds: [open1.id] }));
    renderBar();
    fireEvent.click(screen.getByRole('button', { name: 'Select all in view' }));
    await waitFor(() => expect(useUi.getState().selectedIds.toSorted()).toEqual([open1.id, open2.id, closed.id]));
  });

  it('hands the picked tickets to the merge dialog, and Clear empties the selection', () => {
    act(() => useUi.setState({ selectedIds: [open1.id, open2.id] }));
    renderBar();
    fireEvent.click(screen.getByRole('button', { name: 'Merge' }));
    expect(useUi.getState().mergeTicketIds).toEqual([open1.id, open2.id]);
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(useUi.getState().selectedIds).toEqual([]);
  });
});

describe('selection rules', () => {
  const ids = ['a', 'b', 'c', 'd', 'e'];
  it('Shift+click adds the range from the last picked row (or the cursor) to the clicked one, either way', () => {
    expect(pickRange(ids, ['b'], rangeAnchor(ids, ['b'], null), 'd')).toEqual(['b', 'c', 'd']);
    expect(pickRange(ids, ['e'], rangeAnchor(ids, ['e'], null), 'c')).toEqual(['e', 'c', 'd']);
    expect(pickRange(ids, [], rangeAnchor(ids, [], 'a'), 'b')).toEqual(['a', 'b']);
    expect(pickRange(ids, [], rangeAnchor(ids, [], null), 'c')).toEqual(['c']);
    // A picked row scrolled out of the list is no anchor.
    expect(rangeAnchor(ids, ['b', 'zz'], 'e')).toBe('b');
  });

  it('a bulk run continues past refusals and counts them', async () => {
    const outcome = await runBulk(['1', '2', '3'], async (id) => {
      if (id === '2') throw new Error('No.');
    });
    expect(outcome).toEqual({ changed: 2, refused: [{ ticketId: '2', reason: 'No.' }] });
    expect(bulkSummary(outcome)).toBe('2 changed, 1 refused');
    // Many tickets: a few in flight at once, every one run once, refusals in ticket order.
    const ids = Array.from({ length: 50 }, (_, i) => String(i));
    const ran: string[] = [];
    let inFlight = 0;
    let most = 0;
    const many = await runBulk(ids, async (id) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      ran.push(id);
      if (Number(id) % 10 === 3) throw new Error(`No ${id}.`);
    });
    expect(ran.toSorted()).toEqual(ids.toSorted());
    expect(most).toBe(BULK_IN_FLIGHT);
    expect(many.changed).toBe(45);
    expect(many.refused.map((r) => r.ticketId)).toEqual(['3', '13', '23', '33', '43']);
  });
});
