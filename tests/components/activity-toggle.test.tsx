import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineMessage } from '../../shared/ipc/views.ts';
import { Conversation } from '../../renderer/src/ticket/Conversation.tsx';
import { useUi } from '../../renderer/src/state/ui-store.ts';
import { agentAlex, customerMessage, T1, ticket } from '../unit/shared/fixtures.ts';

const reply: TimelineMessage = { ...customerMessage({ body: 'Any news?' }), authorName: 'Carla Customer', pendingSync: false };
const change: TimelineMessage = {
  ...customerMessage({
    id: '0195f0a0-0000-7000-8000-0000000009c1',
    kind: 'event',
    authorType: 'agent',
    authorId: agentAlex.id,
    body: 'Alex Agent changed priority: Normal → Urgent',
    event: { type: 'change', field: 'priority', key: null, from: 'normal', to: 'urgent', added: [], removed: [] },
    createdAt: T1,
  }),
  authorName: agentAlex.name,
  pendingSync: false,
};
const merge: TimelineMessage = {
  ...change,
  id: '0195f0a0-0000-7000-8000-0000000009c2',
  body: '#12 was merged into this ticket',
  event: { type: 'merge', side: 'target', sourceId: '0195f0a0-0000-7000-8000-0000000009d1', targetId: ticket().id, sourceNumber: 12, targetNumber: 42 },
};

afterEach(() => useUi.setState({ showActivity: true }));

describe('the conversation’s activity timeline', () => {
  it('shows field changes compactly, and hides them (but not merges) when activity is turned off', () => {
    render(<Conversation ticketId={ticket().id} messages={[reply, change, merge]} meId={agentAlex.id} />);
    expect(screen.getByText('Alex Agent changed priority: Normal → Urgent').closest('article')?.className).toContain('event-change');
    act(() => useUi.getState().toggleActivity());
    expect(screen.queryByText('Alex Agent changed priority: Normal → Urgent')).toBeNull();
    expect(screen.getByText('#12 was merged into this ticket')).toBeTruthy();
    expect(screen.getByText('Any news?')).toBeTruthy();
    act(() => useUi.getState().toggleActivity());
    expect(screen.getByText('Alex Agent changed priority: Normal → Urgent')).toBeTruthy();
  });
});
