import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineMessage } from '../../shared/ipc/views.ts';
import { Conversation, FIRST_FRAME_NEWEST } from '../../renderer/src/ticket/Conversation.tsx';
import { agentAlex, customerMessage, T0, ticket } from '../unit/shared/fixtures.ts';

/** A thread of `n` entries, oldest first, each saying its place. */
const thread = (n: number): TimelineMessage[] =>
  Array.from({ length: n }, (_, i) => ({
    ...customerMessage({
      id: `0195f0a0-0000-7000-8000-${String(i + 1).padStart(12, '0')}`,
      body: `Message ${i + 1} of ${n}`,
      createdAt: new Date(Date.parse(T0) + i * 60_000).toISOString(),
    }),
    authorName: 'Carla Customer',
    pendingSync: false,
  }));

const bodies = () => within(screen.getByRole('log', { name: 'Conversation' })).getAllByRole('article').map((a) => a.querySelector('.message-body')?.textContent);

afterEach(cleanup);

describe('the conversation of a long thread', () => {
  it('shows the first and newest entries at once, then every entry in order, and says when it is complete', async () => {
    const n = 40;
    render(<Conversation ticketId={ticket().id} messages={thread(n)} meId={agentAlex.id} />);
    const log = screen.getByRole('log', { name: 'Conversation' });
    // The first frame: what the ticket is about, then where the agent reads on; the log is busy meanwhile.
    expect(bodies()).toEqual(['Message 1 of 40', ...Array.from({ length: FIRST_FRAME_NEWEST }, (_, i) => `Message ${n - FIRST_FRAME_NEWEST + i + 1} of 40`)]);
    expect(log.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByText(`${n - 1 - FIRST_FRAME_NEWEST} earlier messages…`)).toBeTruthy();
    // Right after: all of them, oldest first, nothing missing or twice.
    await waitFor(() => expect(log.getAttribute('aria-busy')).toBe('false'));
    expect(bodies()).toEqual(Array.from({ length: n }, (_, i) => `Message ${i + 1} of 40`));
    expect(screen.queryByText(/earlier messages…/)).toBeNull();
    // Still reachable from the keyboard.
    expect(log.tabIndex).toBe(0);
  });

  it('shows a short thread whole at once, and a long one whole again when it grows', async () => {
    const short = thread(FIRST_FRAME_NEWEST + 1);
    const { rerender } = render(<Conversation ticketId={ticket().id} messages={short} meId={agentAlex.id} />);
    expect(bodies()).toHaveLength(short.length);
    expect(screen.getByRole('log', { name: 'Conversation' }).getAttribute('aria-busy')).toBe('false');
    // Painted (a few frames on), then a new message makes it long: it does not fold to its newest entries.
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    const longer = thread(FIRST_FRAME_NEWEST + 5);
    rerender(<Conversation ticketId={ticket().id} messages={longer} meId={agentAlex.id} />);
    expect(bodies()).toHaveLength(longer.length);
  });
});
