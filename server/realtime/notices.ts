import { z } from 'zod';
import { Id } from '../../shared/model/common.ts';
import { PresenceState } from '../../shared/sync/realtime.ts';

/**
 * What one server instance tells every instance (itself included) for its sockets: small JSON,
 * so a cross-instance bus can carry it as it is.
 */

/** Something committed up to `seq` in these scopes. */
export const CommitNotice = z.object({ seq: z.number().int().positive(), scopes: z.array(z.string()) });
export type CommitNotice = z.infer<typeof CommitNotice>;

/** An agent's presence on a ticket, for sockets that may see one of `scopes`; `from` is the announcing connection. */
export const PresenceNotice = z.object({
  from: z.string().min(1).max(100),
  agentId: Id,
  ticketId: Id,
  scopes: z.array(z.string()),
  state: PresenceState.nullable(),
});
export type PresenceNotice = z.infer<typeof PresenceNotice>;
