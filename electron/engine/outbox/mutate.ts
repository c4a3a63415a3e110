import { z } from 'zod';
import { DeskError } from '../../../shared/ipc/contract.ts';
import { MutationRejected, type Mutator } from '../../../shared/mutators/index.ts';
import type { EngineContext } from '../engine-context.ts';

/**
 * A change by the agent: the mutator runs on the replica and the mutation joins the outbox in one
 * transaction, so what the UI shows next is already durable. Then sync is nudged to push it.
 */
export async function mutate<S extends z.ZodType>(ctx: EngineContext, mutator: Mutator<S>, args: z.input<S>): Promise<void> {
  const { agentId } = ctx.session.require();
  const parsed = mutator.args.safeParse(args);
  if (!parsed.success) throw new DeskError('invalid_input', z.prettifyError(parsed.error).replace(/\n+/g, ' '));
  const role = ctx.replica.store.get('agent', agentId)?.role ?? 'agent';
  const stored = { actorId: agentId, role, now: new Date().toISOString() };
  let kinds;
  try {
    kinds = await ctx.replica.writer.transaction(() => ctx.replica.outbox.record(mutator as Mutator, parsed.data, stored));
  } catch (err) {
    if (err instanceof MutationRejected) throw new DeskError('rejected', err.message);
    throw err;
  }
  await ctx.crashPoints.reach('outbox.committed');
  ctx.events.emit('changed', { kinds: [...kinds] });
  ctx.status.update();
  void ctx.sync.kick();
}
