import { z } from 'zod';
import { Id, IsoTime } from './common.ts';

export const ArticleStatus = z.enum(['draft', 'published']);

/** A knowledge-base article. Bodies are markdown; edits compare-and-swap on revision. */
export const Article = z.object({
  id: Id,
  title: z.string().min(1).max(300),
  body: z.string().max(200_000),
  tags: z.array(z.string().min(1).max(100)).max(50),
  product: z.string().max(100).nullable(),
  status: ArticleStatus,
  revision: z.number().int().positive(),
  authorId: Id.nullable(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Article = z.infer<typeof Article>;
