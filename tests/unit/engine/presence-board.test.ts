import { afterEach, describe, expect, it } from 'vitest';
import type { TicketPresence } from '../../../shared/ipc/presence.ts';
import { PRESENCE_TTL_MS, type RealtimeClientMessage, type RealtimePresence } from '../../../shared/sync/realtime.ts';
import { PresenceBoard } from '../../../electron/engine/presence/presence-board.ts';

const TICKET = '0195f0a0-0000-7000-8000-0000000000d1';
const BEA = '0195f0a0-0000-7000-8000-000000000002';
const CARL = '0195f0a0-0000-7000-8000-000000000003';
const names: Record<string, string> = { [BEA]: 'Bea', [CARL]: 'Carl' };

const boards: PresenceBoard[] = [];
afterEach(() => boards.splice(0).forEach((b) => b.close()));

function board() {
  const clock = { now: 1_000_000 };
  const emitted: TicketPresence[] = [];
  const sent: RealtimeClientMessage[] = [];
  const presence = new PresenceBoard({ nameOf: (id) => names[id] ?? 'Former agent', emit: (p) => emitted.push(p), now: () => clock.now });
  boards.push(presence);
  const send = (m: RealtimeClientMessage) => sent.push(m) > 0;
  return { presence, clock, emitted, sent, send };
}

const seen = (from: string, agentId: string, state: RealtimePresence['state']): RealtimePresence => ({ type: 'presence', from, agentId, ticketId: TICKET, state });

describe('presence board', () => {
  it('shows one line per agent, replying over viewing, by name, and tells each change once', () => {
    const { presence, emitted } = board();
    presence.receive(seen('c1', CARL, 'viewing'));
    presence.receive(seen('b1', BEA, 'viewing'));
    presence.receive(seen('b2', BEA, 'replying'));
    presence.receive(seen('b2', BEA, 'replying'));
    expect(presence.of(TICKET).agents).toEqual([
      { agentId: BEA, name: 'Bea', state: 'replying' },
      { agentId: CARL, name: 'Carl', state: 'viewing' },
    ]);
    expect(emitted).toHaveLength(3);

    presence.receive(seen('b2', BEA, null));
    expect(emitted.at(-1)?.agents).toContainEqual({ agentId: BEA, name: 'Bea', state: 'viewing' });
  });

  it('forgets what others do when the socket drops, and what nobody refreshed in time', () => {
    const { presence, clock, emitted } = board();
    presence.receive(seen('b1', BEA, 'viewing'));
    presence.disconnected();
    expect(emitted.at(-1)).toEqual({ ticketId: TICKET, agents: [] });

    presence.receive(seen('c1', CARL, 'viewing'));
    clock.now += PRESENCE_TTL_MS;
    presence.sweep();
    expect(emitted.at(-1)).toEqual({ ticketId: TICKET, agents: [] });
  });

  it('says our own presence when set, again when the socket comes back, and ends it when the UI stops refreshing', () => {
    const { presence, clock, sent, send } = board();
    presence.set(TICKET, 'viewing');
    expect(sent).toEqual([]);
    presence.connected(send);
    presence.set(TICKET, 'replying');
    presence.connected(send);
    expect(sent).toEqual([
      { type: 'presence', ticketId: TICKET, state: 'viewing' },
      { type: 'presence', ticketId: TICKET, state: 'replying' },
      { type: 'presence', ticketId: TICKET, state: 'replying' },
    ]);

    clock.now += PRESENCE_TTL_MS;
    presence.sweep();
    expect(sent.at(-1)).toEqual({ type: 'presence', ticketId: TICKET, state: null });
    presence.connected(send);
    expect(sent).toHaveLength(4);
  });
});
