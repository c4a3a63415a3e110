import { z } from 'zod';
import { Id } from '../model/index.ts';
import { PresenceState } from '../sync/realtime.ts';

/** Who else is on a ticket right now ("Priya Raman is replying…"); never stored, never includes the signed-in agent. */
export const TicketPresence = z.object({
  ticketId: Id,
  agents: z.array(z.object({ agentId: Id, name: z.string(), state: PresenceState })),
});
export type TicketPresence = z.infer<typeof TicketPresence>;

/** What the agent is doing on a ticket: opened it, typing in its composer, or left it (null). */
export const PresenceInput = z.object({ ticketId: Id, state: PresenceState.nullable() });
