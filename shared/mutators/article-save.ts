import { z } from 'zod';
import { Article, ArticleStatus, Id } from '../model/index.ts';
import { articleEditRefusal, articlePublishRefusal } from '../rules/permissions.ts';
import { TagSet } from '../rules/tags.ts';
import { defineMutator, MutationRejected, type MutationTx } from './types.ts';

const TITLE_MAX = Article.shape.title.maxLength ?? 300;

/** The fields of a save; the IPC input derives from them (without the ids the engine makes). */
export const ArticleSaveFields = z.object({
    id: Id,
    /** The fork's id, used only when the edit loses the compare-and-swap. */
    forkId: Id,
    /** The revision the edit was made on; 0 for a new article. */
    baseRevision: z.number().int().nonnegative(),
    title: Article.shape.title.refine((t) => t.trim().length > 0, 'An article needs a title.'),
    body: Article.shape.body,
    tags: TagSet,
    product: Article.shape.product,
    status: ArticleStatus,
});
const ArticleSaveArgs = ArticleSaveFields.refine((a) => a.forkId !== a.id, { message: 'The fork needs an id of its own.', path: ['forkId'] });
type Args = z.output<typeof ArticleSaveArgs>;

/**
 * Creates or edits an article with a compare-and-swap on its revision. When the stored revision
 * moved on since the agent opened it (or the article is gone), the edit is not dropped: it is kept
 * as a new draft, the fork, whose id the client chose up front so a replay finds it.
 */
export const articleSave = defineMutator({
  name: 'article.save@1',
  args: ArticleSaveArgs,
  async run(tx, args) {
    if (args.status === 'published') {
      const refusal = articlePublishRefusal(tx.ctx.role);
      if (refusal) throw new MutationRejected(refusal);
    }
    const current = await tx.get('article', args.id);
    const expected = current?.revision ?? 0;
    if (expected !== args.baseRevision) return fork(tx, args);
    if (current) {
      const refusal = articleEditRefusal(tx.ctx.role, current);
      if (refusal) throw new MutationRejected(refusal);
    }
    const now = tx.ctx.now;
    await tx.put('article', {
      id: args.id,
      title: args.title,
      body: args.body,
      tags: args.tags,
      product: args.product,
      status: args.status,
      revision: expected + 1,
      authorId: current ? current.authorId : tx.ctx.actorId,
      createdAt: current?.createdAt ?? now,
      updatedAt: now,
    });
  },
  describe: ({ title, body }) => ({ action: `Article “${title}”`, text: body }),
});

/** Keeps a losing edit as a draft whose title says what it is. */
async function fork(tx: MutationTx, args: Args): Promise<void> {
  // A replay meets the fork it made.
  if (await tx.get('article', args.forkId)) return;
  const author = (await tx.get('agent', tx.ctx.actorId))?.name ?? 'another agent';
  // Names are at most 200 characters, so some of the title always fits.
  const suffix = ` (conflicting copy by ${author})`;
  await tx.put('article', {
    id: args.forkId,
    title: args.title.slice(0, TITLE_MAX - suffix.length) + suffix,
    body: args.body,
    tags: args.tags,
    product: args.product,
    status: 'draft',
    revision: 1,
    authorId: tx.ctx.actorId,
    createdAt: tx.ctx.now,
    updatedAt: tx.ctx.now,
  });
}
