import type { viewProcedures } from '../../../shared/ipc/features/queues.ts';
import type { EngineContext } from '../engine-context.ts';
import type { Handlers } from './types.ts';

export function viewHandlers(_ctx: EngineContext): Pick<Handlers, keyof typeof viewProcedures> {
  return {};
}
