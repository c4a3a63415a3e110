import type { Kysely } from 'kysely';
import type { WebSocket } from 'ws';
import { RealtimeClientMessage, type RealtimeServerMessage } from '../../shared/sync/realtime.ts';
import { getEntity } from '../store/entities.ts';
import type { Database } from '../store/schema.ts';
import { ticketScopes } from '../../shared/sync/scopes.ts';
import { seesAny } from '../sync/scopes.ts';
import type { Member, RealtimeHub } from './hub.ts';

/** One connection shows a presence on at most this many tickets at once (an agent has a few windows, not hundreds). */
export const MAX_PRESENT_TICKETS = 10;
/** Presence messages one connection may send per window; more are refused, so one client cannot flood a team. */
const PRESENCE_BUDGET = 30;
const PRESENCE_WINDOW_MS = 10_000;

/**
 * Reads what the engine says over its realtime socket: its cursor (for inline deltas) and its
 * presence (fanned out by the hub). Anything else is answered with an error message, never a crash; the returned handler never rejects.
 */
export function clientMessageHandler(db: Kysely<Database>, hub: RealtimeHub, socket: WebSocket, member: Member): (data: unknown) => Promise<void> {
  let windowStart = 0;
  let spent = 0;
  const refuse = (message: string) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ type: 'error', message } satisfies RealtimeServerMessage));
  };

  return async (data) => {
    const parsed = RealtimeClientMessage.safeParse(parseJson(String(data)));
    if (!parsed.success) return refuse('Not a realtime message this server understands (expected cursor or presence).');
    const message = parsed.data;
    if (message.type === 'cursor') return hub.reportCursor(socket, message.clientId, message.cursor);

    const now = Date.now();
    if (now - windowStart >= PRESENCE_WINDOW_MS) [windowStart, spent] = [now, 0];
    if (++spent > PRESENCE_BUDGET) return refuse('Too many presence messages; slow down.');
    if (message.state !== null && hub.presentCount(socket) >= MAX_PRESENT_TICKETS) {
      return refuse(`A connection shows a presence on at most ${MAX_PRESENT_TICKETS} tickets; leave one first.`);
    }
    const ticket = await getEntity(db, 'ticket', message.ticketId).catch(() => null);
    if (ticket === null) return refuse('The server could not look that ticket up just now; the next refresh will tell again.');
    // The same answer for a ticket that does not exist and one the agent may not see.
    const scopes = ticket && ticketScopes(ticket.entity);
    if (!scopes || !seesAny(member.visibility, scopes)) return refuse(`No ticket with id ${message.ticketId}.`);
    hub.announce(socket, message.ticketId, scopes, message.state);
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
