import { z } from 'zod';
import { Id } from '../model/common.ts';

/** Body of the bootstrap call (POST routes.bootstrap): which replica is starting. */
export const BootstrapRequest = z.object({ clientId: Id });
export type BootstrapRequest = z.infer<typeof BootstrapRequest>;
