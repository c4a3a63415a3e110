import { SavedView } from '../model/index.ts';
import { viewEditRefusal } from '../rules/permissions.ts';
import { viewFilterRefusal } from '../rules/view-filter.ts';
import { defineMutator, MutationRejected } from './types.ts';

/** What an agent sends to save a view; owner and times are the mutation's. */
export const ViewSaveArgs = SavedView.omit({ ownerId: true, createdAt: true, updatedAt: true });

/**
 * Creates or updates a saved view. A new view belongs to whoever saves it; an existing one keeps
 * its owner. Personal views are their owner's; shared ones are a lead's or an admin's to make or
 * change (both before and after the change, so an agent can neither share nor un-share one).
 */
export const viewSave = defineMutator({
  name: 'view.save@1',
  args: ViewSaveArgs,
  async run(tx, args) {
    const refusal = viewFilterRefusal(args.filter);
    if (refusal) throw new MutationRejected(refusal);
    const current = await tx.get('view', args.id);
    const ownerId = current?.ownerId ?? tx.ctx.actorId;
    const denied = (current && viewEditRefusal(tx.ctx.role, tx.ctx.actorId, current)) ?? viewEditRefusal(tx.ctx.role, tx.ctx.actorId, { ownerId, shared: args.shared });
    if (denied) throw new MutationRejected(denied);
    // A replay puts the same row again.
    await tx.put('view', { ...args, ownerId, createdAt: current?.createdAt ?? tx.ctx.now, updatedAt: tx.ctx.now });
  },
  describe: ({ name }) => ({ action: `Save view “${name}”` }),
});
