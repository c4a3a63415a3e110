import { z } from 'zod';
import { Id, IsoTime } from './common.ts';

/** A person who contacts support; belongs to an account when we know the company. */
export const Contact = z.object({
  id: Id,
  accountId: Id.nullable(),
  name: z.string().min(1).max(200),
  email: z.email().max(320),
  phone: z.string().max(50).nullable(),
  title: z.string().max(200).nullable(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Contact = z.infer<typeof Contact>;
