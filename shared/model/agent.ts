import { z } from 'zod';
import { Id, IsoTime } from './common.ts';

export const Role = z.enum(['agent', 'lead', 'admin']);
export type Role = z.infer<typeof Role>;

/** A support agent as every replica sees them (the directory). Credentials never leave the server. */
export const Agent = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  email: z.email().max(320),
  role: Role,
  teamIds: z.array(Id),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Agent = z.infer<typeof Agent>;

export const Team = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Team = z.infer<typeof Team>;
