import { z } from 'zod';
import { SavedView } from '../model/index.ts';
import { viewEditRefusal } from '../rules/permissions.ts';
import { defineMutator, MutationRejected } from './types.ts';

/** Deletes a saved view: a personal one by its owner, a shared one by a lead or an admin. */
export const viewDelete = defineMutator({
  name: 'view.delete@1',
  args: z.object({ viewId: SavedView.shape.id }),
  async run(tx, { viewId }) {
    const current = await tx.get('view', viewId);
    // Already gone is what was wanted.
    if (!current) return;
    const denied = viewEditRefusal(tx.ctx.role, tx.ctx.actorId, current);
    if (denied) throw new MutationRejected(denied);
    await tx.del('view', viewId);
  },
  describe: () => ({ action: 'Delete a saved view' }),
});
