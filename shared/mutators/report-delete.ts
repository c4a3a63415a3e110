import { z } from 'zod';
import { SavedReport } from '../reports/saved-report.ts';
import { reportEditRefusal } from '../rules/permissions.ts';
import { defineMutator, MutationRejected } from './types.ts';

/** Deletes a saved report: a personal one by its owner, a shared one by a lead or an admin. */
export const reportDelete = defineMutator({
  name: 'report.delete@1',
  args: z.object({ reportId: SavedReport.shape.id }),
  async run(tx, { reportId }) {
    const current = await tx.get('report', reportId);
    // Already gone is what was wanted.
    if (!current) return;
    const denied = reportEditRefusal(tx.ctx.role, tx.ctx.actorId, current);
    if (denied) throw new MutationRejected(denied);
    await tx.del('report', reportId);
  },
  describe: () => ({ action: 'Delete a saved report' }),
});
