import { z } from 'zod';
import { DeskError } from '../../../shared/ipc/contract.ts';
import type { EntityKind } from '../../../shared/model/index.ts';
import { MutationRejected, type Mutator } from '../../../shared/mutators/index.ts';
import type { EngineContext } from '../engine-context.ts';

export interface MutateOptions {
  /** A refused mutation this one sends again (Sync issues → Retry): resolved in the same transaction, so it stays if this one fails. */
  replacing?: number;
}

/**
 * A change by the agent: the mutator runs on the replica and the mutation joins the outbox in one
 * transaction, so what the UI shows next is already durable. Then sync is nudged to push it.
 */
export async function mutate<S extends z.ZodType>(ctx: EngineContext, mutator: Mutator<S>, args: z.input<S>, opts: MutateOptions = {}): Promise<void> {
  const { agentId } = ctx.session.require();
  const parsed = mutator.args.safeParse(args);
  if (!parsed.success) throw new DeskError('invalid_input', z.prettifyError(parsed.error).replace(/\n+/g, ' '));
  const role = ctx.replica.store.get('agent', agentId)?.role ?? 'agent';
  const stored = { actorId: agentId, role, now: new Date().toISOString() };
  const { outbox } = ctx.replica;
  let kinds: Set<EntityKind>;
  try {
    kinds = await ctx.replica.writer.transaction(async () => {
      const resolved = opts.replacing === undefined ? new Set<EntityKind>() : await resolve(ctx, opts.replacing);
      const touched = await outbox.record(mutator as Mutator, parsed.data, stored);
      return new Set([...resolved, ...touched]);
    });
  } catch (err) {
    if (err instanceof MutationRejected) throw new DeskError('rejected', err.message);
    throw err;
  }
  await ctx.crashPoints.reach('outbox.committed');
  ctx.events.emit('changed', { kinds: [...kinds] });
  ctx.status.update();
  void ctx.sync.kick();
}

/** Takes a refused mutation out of the outbox (inside the caller's transaction); the kinds its undo touched. */
export async function resolve(ctx: EngineContext, id: number): Promise<Set<EntityKind>> {
  const kinds = await ctx.replica.outbox.resolveRejected(id);
  if (!kinds) throw new DeskError('invalid_input', 'This sync issue has already been dealt with.');
  return kinds;
}
