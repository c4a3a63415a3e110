import type { searchProcedures } from '../../../shared/ipc/features/search.ts';
import type { EngineContext } from '../engine-context.ts';
import type { Handlers } from './types.ts';

export function searchHandlers(_ctx: EngineContext): Pick<Handlers, keyof typeof searchProcedures> {
  return {};
}
