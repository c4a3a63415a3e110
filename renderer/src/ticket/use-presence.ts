import { useEffect, useState } from 'react';
import type { TicketPresence } from '../../../shared/ipc/presence.ts';
import { PRESENCE_REFRESH_MS, type PresenceState } from '../../../shared/sync/realtime.ts';
import { useDesk } from '../desk/desk-context.tsx';

/**
 * Says what this agent is doing on the ticket (on open, on every change, and again every
 * PRESENCE_REFRESH_MS while it stays open; withdrawn on leaving) and answers who else is on it, live.
 */
export function useTicketPresence(ticketId: string, mine: PresenceState): TicketPresence['agents'] {
  const desk = useDesk();
  const [others, setOthers] = useState<TicketPresence>({ ticketId, agents: [] });

  useEffect(() => desk.on('presence', (presence) => presence.ticketId === ticketId && setOthers(presence)), [desk, ticketId]);

  useEffect(() => {
    let current = true;
    // Presence is a courtesy: a call that fails (engine restarting) is simply made again at the next refresh.
    const say = () =>
      desk.invoke('presence.set', { ticketId, state: mine }).then(
        (presence) => current && setOthers(presence),
        () => undefined,
      );
    void say();
    const timer = setInterval(() => void say(), PRESENCE_REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [desk, ticketId, mine]);

  useEffect(() => () => void desk.invoke('presence.set', { ticketId, state: null }).catch(() => undefined), [desk, ticketId]);

  return others.ticketId === ticketId ? others.agents : [];
}
