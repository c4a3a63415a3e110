import { SavedReport } from '../reports/saved-report.ts';
import { reportEditRefusal } from '../rules/permissions.ts';
import { defineMutator, MutationRejected } from './types.ts';

/** What an agent sends to save a report; owner and times are the mutation's. */
export const ReportSaveArgs = SavedReport.omit({ ownerId: true, createdAt: true, updatedAt: true });

/**
 * Creates or updates a saved report. A new report belongs to whoever saves it; an existing one
 * keeps its owner. Personal reports are their owner's; shared ones a lead's or an admin's to make
 * or change (before and after the change, so an agent can neither share nor un-share one).
 */
export const reportSave = defineMutator({
  name: 'report.save@1',
  args: ReportSaveArgs,
  async run(tx, args) {
    const current = await tx.get('report', args.id);
    const ownerId = current?.ownerId ?? tx.ctx.actorId;
    const denied = (current && reportEditRefusal(tx.ctx.role, tx.ctx.actorId, current)) ?? reportEditRefusal(tx.ctx.role, tx.ctx.actorId, { ownerId, shared: args.shared });
    if (denied) throw new MutationRejected(denied);
    // A replay puts the same row again.
    await tx.put('report', { ...args, ownerId, createdAt: current?.createdAt ?? tx.ctx.now, updatedAt: tx.ctx.now });
  },
  describe: ({ name }) => ({ action: `Save report “${name}”` }),
});
