import type { slaProcedures } from '../../../shared/ipc/features/sla.ts';
import type { EngineContext } from '../engine-context.ts';
import type { Handlers } from './types.ts';

export function slaHandlers(_ctx: EngineContext): Pick<Handlers, keyof typeof slaProcedures> {
  return {};
}
