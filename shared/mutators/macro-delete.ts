import { z } from 'zod';
import { Id } from '../model/index.ts';
import { macroEditRefusal } from '../rules/permissions.ts';
import { defineMutator, MutationRejected } from './types.ts';

/** Deletes a macro: a shared one by a lead or an admin, a personal one by its owner. */
export const macroDelete = defineMutator({
  name: 'macro.delete@1',
  args: z.object({ macroId: Id }),
  async run(tx, { macroId }) {
    const macro = await tx.get('macro', macroId);
    // Already gone (deleted elsewhere first) is what was wanted.
    if (!macro) return;
    const refusal = macroEditRefusal(tx.ctx.role, tx.ctx.actorId, macro);
    if (refusal) throw new MutationRejected(refusal);
    await tx.del('macro', macroId);
  },
  describe: () => ({ action: 'Delete macro' }),
});
