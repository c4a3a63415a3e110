import { DEFAULT_SLA_POLICY_ID, SlaPolicy } from '../model/index.ts';
import { slaPolicyEditRefusal } from '../rules/permissions.ts';
import { slaPolicyRefusal } from '../rules/sla.ts';
import { defineMutator, MutationRejected } from './types.ts';

/** What an admin edits; the id is the workspace's one policy, the times are the mutation's. */
export const SlaPolicyFields = SlaPolicy.omit({ id: true, createdAt: true, updatedAt: true });

/**
 * Saves the workspace's SLA policy (admins only). Refuses a week that is not 7 days of sorted,
 * non-overlapping intervals, an unknown time zone, or a resolution target shorter than its first
 * response. New due times apply to tickets created or re-prioritised afterwards; stored ones stay.
 */
export const slaPolicySave = defineMutator({
  name: 'slaPolicy.save@1',
  args: SlaPolicyFields,
  async run(tx, fields) {
    const refusal = slaPolicyEditRefusal(tx.ctx.role) ?? slaPolicyRefusal(fields);
    if (refusal) throw new MutationRejected(refusal);
    const current = await tx.get('slaPolicy', DEFAULT_SLA_POLICY_ID);
    await tx.put('slaPolicy', { ...fields, id: DEFAULT_SLA_POLICY_ID, createdAt: current?.createdAt ?? tx.ctx.now, updatedAt: tx.ctx.now });
  },
  describe: ({ name }) => ({ action: `SLA policy “${name}”` }),
});
