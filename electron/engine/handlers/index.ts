import type { EngineContext } from '../engine-context.ts';
import { customerHandlers } from './customer.ts';
import { deleteHandlers } from './delete.ts';
import { queueHandlers } from './queue.ts';
import { sessionHandlers } from './session.ts';
import { syncHandlers } from './sync.ts';
import { ticketHandlers } from './ticket.ts';
import type { Handlers } from './types.ts';

/** Every procedure of shared/ipc/contract.ts, by area. */
export function createHandlers(ctx: EngineContext): Handlers {
  return { ...sessionHandlers(ctx), ...queueHandlers(ctx), ...ticketHandlers(ctx), ...customerHandlers(ctx), ...syncHandlers(ctx), ...deleteHandlers(ctx) };
}
