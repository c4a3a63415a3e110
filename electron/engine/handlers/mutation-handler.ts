import type { z } from 'zod';
import type { Mutator } from '../../../shared/mutators/index.ts';
import type { EngineContext } from '../engine-context.ts';
import { mutate } from '../outbox/mutate.ts';

/** A procedure whose input is exactly a mutator's arguments: runs it through the outbox and answers null. */
export function mutationHandler<S extends z.ZodType>(ctx: EngineContext, mutator: Mutator<S>): (input: unknown) => Promise<null> {
  return async (input) => {
    await mutate(ctx, mutator, input as z.input<S>);
    return null;
  };
}
