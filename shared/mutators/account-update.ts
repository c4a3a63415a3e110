import { z } from 'zod';
import { Account, Id } from '../model/index.ts';
import { accountEditRefusal } from '../rules/permissions.ts';
import { mustGet } from './load.ts';
import { patchChanges, patchOf } from './patch.ts';
import { defineMutator, MutationRejected } from './types.ts';

export const AccountPatch = patchOf(Account.pick({ name: true, domain: true, plan: true, mrrCents: true, notes: true }));

/** Commercial fields are for leads and admins; any agent may edit the notes (shared/rules/permissions.ts). */
export const accountUpdate = defineMutator({
  name: 'account.update@1',
  args: z.object({ accountId: Id, patch: AccountPatch }),
  async run(tx, { accountId, patch }) {
    const refusal = accountEditRefusal(tx.ctx.role, Object.keys(patch));
    if (refusal) throw new MutationRejected(refusal);
    const account = await mustGet(tx, 'account', accountId);
    if (!patchChanges(account, patch)) return;
    await tx.put('account', { ...account, ...patch, updatedAt: tx.ctx.now });
  },
  describe: ({ patch }) => ({ action: `Account details: ${Object.keys(patch).join(', ')}`, ...(patch.notes && { text: patch.notes }) }),
});
