import { DEFAULT_SLA_POLICY_ID, type Ticket } from '../model/index.ts';
import { dueTimes, type DueTimes } from '../rules/sla.ts';
import type { MutationTx } from './types.ts';

/**
 * The SLA due times of a ticket under the workspace's policy, as the mutators store them. The server's
 * run wins: its clock made createdAt and its policy row is the one in force. Without a policy row (a
 * workstation that has not pulled it yet) the client keeps what the ticket had and the server decides.
 */
export async function slaDueTimes(tx: MutationTx, ticket: Pick<Ticket, 'createdAt' | 'priority' | 'firstResponseDueAt' | 'resolutionDueAt'>): Promise<DueTimes> {
  const policy = await tx.get('slaPolicy', DEFAULT_SLA_POLICY_ID);
  if (!policy) return { firstResponseDueAt: ticket.firstResponseDueAt, resolutionDueAt: ticket.resolutionDueAt };
  return dueTimes(policy, ticket);
}
