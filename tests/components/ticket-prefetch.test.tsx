import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { rowTicketId, ticketRowId } from '../../renderer/src/queue/TicketRow.tsx';
import { useHoverPrefetch } from '../../renderer/src/ticket/use-ticket-prefetch.ts';
import { fakeDesk } from './support/fake-desk.tsx';

const A = '0195f0a0-0000-7000-8000-0000000000a1';
const B = '0195f0a0-0000-7000-8000-0000000000b1';

function Rows() {
  const onPointerOver = useHoverPrefetch(rowTicketId);
  return (
    <div role="listbox" aria-label="Tickets" onPointerOver={onPointerOver}>
      {[A, B].map((id) => (
        <div key={id} role="option" aria-selected={false} id={ticketRowId(id)}>
          <span>Row {id === A ? 'A' : 'B'}</span>
        </div>
      ))}
    </div>
  );
}

afterEach(cleanup);

describe('hover prefetch in the queue', () => {
  it('asks for the ticket and customer pane of the row the mouse rests on, not of rows it only sweeps past', async () => {
    const { calls, wrapper } = fakeDesk({ 'ticket.get': () => null, 'customer.pane': () => null });
    render(<Rows />, { wrapper });
    const asked = () => calls.map((c) => `${c.name} ${JSON.stringify(c.input)}`);
    // Across A to B at once: only B, where it stays.
    fireEvent.pointerOver(screen.getByText('Row A'));
    fireEvent.pointerOver(screen.getByText('Row B'));
    await waitFor(() => expect(asked()).toEqual([`ticket.get {"id":"${B}"}`, `customer.pane {"ticketId":"${B}"}`]));
  });
});
