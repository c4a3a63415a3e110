import { DeskError } from '../../../shared/ipc/contract.ts';
import type { Agent } from '../../../shared/model/index.ts';
import type { Replica } from '../replica/replica.ts';
import type { SessionStore } from '../session/session-store.ts';

/** The signed-in agent as queries need them. Reading the replica requires a session. */
export function currentAgent(replica: Replica, session: SessionStore): Agent {
  const { agentId } = session.require();
  const agent = replica.store.get('agent', agentId);
  if (!agent) throw new DeskError('not_signed_in', 'Your agent profile is not on this workstation yet; sign in again.');
  return agent;
}
