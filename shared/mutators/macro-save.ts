import { z } from 'zod';
import { Id, Macro } from '../model/index.ts';
import { macroEditRefusal } from '../rules/permissions.ts';
import { defineMutator, MutationRejected } from './types.ts';

/** What the macro editor sends: `shared` makes it everyone's (ownerId null), otherwise it is the agent's own. */
export const MacroSaveArgs = z.object({
  id: Id,
  title: Macro.shape.title.refine((t) => t.trim().length > 0, 'A macro needs a title.'),
  body: Macro.shape.body,
  kind: Macro.shape.kind,
  actions: Macro.shape.actions,
  shared: z.boolean(),
});

/** Creates or replaces a macro. Saving the same values again (a replay) changes nothing. */
export const macroSave = defineMutator({
  name: 'macro.save@1',
  args: MacroSaveArgs,
  async run(tx, { id, title, body, kind, actions, shared }) {
    const { actorId, role, now } = tx.ctx;
    const existing = await tx.get('macro', id);
    const ownerId = shared ? null : actorId;
    for (const macro of existing ? [existing, { ownerId }] : [{ ownerId }]) {
      const refusal = macroEditRefusal(role, actorId, macro);
      if (refusal) throw new MutationRejected(refusal);
    }
    const next = { id, title: title.trim(), body, kind, actions, ownerId, createdAt: existing?.createdAt ?? now, updatedAt: now };
    if (existing && JSON.stringify({ ...existing, updatedAt: now }) === JSON.stringify(next)) return;
    await tx.put('macro', next);
  },
  describe: ({ title }) => ({ action: `Save macro “${title}”` }),
});
