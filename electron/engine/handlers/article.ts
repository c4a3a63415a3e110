import { newId } from '../../../shared/ids.ts';
import { articleDelete, articleSave } from '../../../shared/mutators/index.ts';
import type { EngineContext } from '../engine-context.ts';
import { mutate } from '../outbox/mutate.ts';
import { mutationHandler } from './mutation-handler.ts';
import type { Handlers } from './types.ts';

export function articleHandlers(ctx: EngineContext): Pick<Handlers, 'article.save' | 'article.delete'> {
  return {
    'article.save': async ({ id, ...fields }) => {
      // Both ids are made now, offline if need be: the fork's too, so a lost compare-and-swap keeps the edit under a known id.
      const articleId = id ?? newId();
      await mutate(ctx, articleSave, { ...fields, id: articleId, forkId: newId() });
      return { articleId };
    },
    'article.delete': mutationHandler(ctx, articleDelete),
  };
}
