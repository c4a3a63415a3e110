import type { ticketActionProcedures } from '../../../shared/ipc/features/ticket-actions.ts';
import type { EngineContext } from '../engine-context.ts';
import type { Handlers } from './types.ts';

export function ticketActionHandlers(_ctx: EngineContext): Pick<Handlers, keyof typeof ticketActionProcedures> {
  return {};
}
