import { z } from 'zod';
import { Id } from '../model/index.ts';
import { defineMutator, MutationRejected } from './types.ts';

/** Deletes a knowledge-base article. Leads and admins may delete any; an agent only a draft they wrote. */
export const articleDelete = defineMutator({
  name: 'article.delete@1',
  args: z.object({ articleId: Id }),
  async run(tx, { articleId }) {
    const article = await tx.get('article', articleId);
    // Already gone (someone deleted it first) is what was wanted.
    if (!article) return;
    const own = article.status === 'draft' && article.authorId === tx.ctx.actorId;
    if (tx.ctx.role === 'agent' && !own) throw new MutationRejected('Only a team lead or an admin can delete a published article or another agent’s draft.');
    await tx.del('article', articleId);
  },
});
