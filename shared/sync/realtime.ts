import { z } from 'zod';
import { Id } from '../model/common.ts';
import { Cursor, PullResponse, ServerEvent } from './protocol.ts';

/**
 * The realtime WebSocket (routes.realtime), both ways: the engine tells the server where its
 * replica stands and what the agent is looking at; the server answers commits with a delta or a
 * poke and fans presence out. Everything here is plain JSON, so it can cross server instances.
 */

/** What an agent is doing on a ticket; null means they left it. */
export const PresenceState = z.enum(['viewing', 'replying']);
export type PresenceState = z.infer<typeof PresenceState>;

/** A presence not refreshed within this long is gone (the agent's app stopped without saying so). */
export const PRESENCE_TTL_MS = 45_000;
/** How often an app repeats the presence it shows; well inside the TTL, so one lost refresh is harmless. */
export const PRESENCE_REFRESH_MS = 15_000;

/** Engine -> server. */
export const RealtimeClientMessage = z.discriminatedUnion('type', [
  /** Sent after every pull or applied delta: commits from here on can come inline. */
  z.object({ type: z.literal('cursor'), clientId: Id, cursor: Cursor }),
  z.object({ type: z.literal('presence'), ticketId: Id, state: PresenceState.nullable() }),
]);
export type RealtimeClientMessage = z.infer<typeof RealtimeClientMessage>;

/**
 * The changes after `fromSeq` exactly as a pull from there would answer them (same scopes, same
 * lastMutationId). Apply it only when the replica's cursor is `fromSeq` in the page's epoch.
 */
export const RealtimeDelta = z.object({ type: z.literal('delta'), fromSeq: z.number().int().nonnegative(), page: PullResponse });
export type RealtimeDelta = z.infer<typeof RealtimeDelta>;

/** Another agent's presence on a ticket the receiver may see. `from` tells apart two apps of one agent. */
export const RealtimePresence = z.object({
  type: z.literal('presence'),
  from: z.string().min(1).max(100),
  agentId: Id,
  ticketId: Id,
  state: PresenceState.nullable(),
});
export type RealtimePresence = z.infer<typeof RealtimePresence>;

/** The server could not take a message; `message` says why, for the log. */
export const RealtimeRefusal = z.object({ type: z.literal('error'), message: z.string() });

/** Server -> engine: a poke (pull now), a delta, a presence, or a refusal. */
export const RealtimeServerMessage = z.discriminatedUnion('type', [...ServerEvent.options, RealtimeDelta, RealtimePresence, RealtimeRefusal]);
export type RealtimeServerMessage = z.infer<typeof RealtimeServerMessage>;
