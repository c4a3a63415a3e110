import { z } from 'zod';
import { Id, IsoTime } from './common.ts';

export const Plan = z.enum(['free', 'starter', 'pro', 'enterprise']);
export type Plan = z.infer<typeof Plan>;

/** A customer company. */
export const Account = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  domain: z.string().max(253).nullable(),
  plan: Plan,
  /** Monthly recurring revenue in whole cents, so sums stay exact. */
  mrrCents: z.number().int().nonnegative(),
  notes: z.string().max(10_000).nullable(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Account = z.infer<typeof Account>;
