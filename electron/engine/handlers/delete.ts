import { articleDelete, ticketDelete } from '../../../shared/mutators/index.ts';
import type { EngineContext } from '../engine-context.ts';
import { mutate } from '../outbox/mutate.ts';
import type { Handlers } from './types.ts';

/** Deletions: the mutators check who may delete, offline too; the server decides for good. */
export function deleteHandlers(ctx: EngineContext): Pick<Handlers, 'ticket.delete' | 'article.delete'> {
  return {
    'ticket.delete': async (input) => {
      await mutate(ctx, ticketDelete, input);
      return null;
    },
    'article.delete': async (input) => {
      await mutate(ctx, articleDelete, input);
      return null;
    },
  };
}
